package vn.thidua.planimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import-plan}: a draft printed for a .docx or a text file, a reason and status 1 or 2 otherwise. */
class ImportPlanCommandTest {

    @TempDir
    Path files;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportPlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheDraftOfATextOrADocx() throws Exception {
        Path text = files.resolve("ke-hoach.txt");
        Files.writeString(text, UnseenPlansTest.DEPARTMENT, StandardCharsets.UTF_8);
        Run fromText = run(text.toString());
        assertThat(fromText.status()).as(fromText.err()).isZero();
        JsonNode draft = new ObjectMapper().readTree(fromText.out());
        assertThat(draft.get("plan").get("documentNumber").asText()).isEqualTo("1234/KH-SGDĐT");
        assertThat(draft.get("plan").get("issueDate").asText()).isEqualTo("2021-03-05");
        assertThat(draft.get("sources").get("plan.issueDate").get("line").asInt()).isEqualTo(3);

        Path docx = files.resolve("ke-hoach.docx");
        Files.write(docx, PlanRobustnessTest.docx(UnseenPlansTest.PARTY.replace("\t", "\n")));
        Run fromDocx = run(docx.toString());
        assertThat(fromDocx.status()).as(fromDocx.err()).isZero();
        assertThat(new ObjectMapper().readTree(fromDocx.out()).get("plan").get("documentNumber").asText())
                .isEqualTo("125-KH/HU");
    }

    @Test
    void saysWhyItCannot() throws Exception {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("--help").err()).contains("import-plan");
        assertThat(run("a.docx", "b.docx").status()).isEqualTo(2);
        Run missing = run(files.resolve("missing.docx").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("Không có tệp");
        Path latin1 = files.resolve("latin1.txt");
        Files.write(latin1, "Kế hoạch số 12, tháng Mười (Octobre, été)".getBytes(StandardCharsets.ISO_8859_1));
        Run notUtf8 = run(latin1.toString());
        assertThat(notUtf8.status()).isEqualTo(1);
        assertThat(notUtf8.err()).contains("UTF-8");
        assertThat(notUtf8.out()).isEmpty();
    }
}
