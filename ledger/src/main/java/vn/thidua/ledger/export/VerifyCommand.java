package vn.thidua.ledger.export;

import vn.thidua.ledger.SignedTreeHead;
import vn.thidua.ledger.SigningKeys;
import vn.thidua.ledger.TreeHeadJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar thidua.jar verify --key ledger.pub.pem [--head saved-head.json]… [--consistency proof.json]…
 * [export.csv|export.xlsx]…}: the offline verifier ({@link OfflineVerifier}), with no server, no network and no
 * database. Exit status 0 when everything holds, 1 when a check fails, 2 when the command is wrong.
 */
public final class VerifyCommand {

    public static final String NAME = "verify";
    /** A head, a proof or a key file is small; anything larger is not one. */
    static final long MAX_SMALL_FILE = 64 * 1024;

    static final String USAGE = String.join(System.lineSeparator(),
            "Cách dùng: java -jar thidua.jar verify --key <khóa công khai .pem>",
            "             [--head <bản ghi cây đã lưu .json>]… [--consistency <chứng minh nhất quán .json>]…",
            "             [<bản xuất .csv|.xlsx>]…",
            "  --key          khóa công khai Ed25519 của sổ cái (GET /api/audit/public-key.pem), lấy qua kênh tin cậy",
            "  --head         bản ghi cây đã ký mà kiểm toán viên lưu trước đó (GET /api/audit/tree-heads/latest)",
            "  --consistency  chứng minh nhất quán giữa hai cỡ cây (GET /api/audit/proofs/consistency?first=&second=)",
            "  bản xuất       tệp xuất có dấu cây (GET /api/audit/export, …/history/export, /api/awards/export)");

    private VerifyCommand() {
    }

    /** Runs the command; answers the exit status. */
    public static int run(String[] args, PrintStream out) {
        Path keyFile = null;
        List<Path> heads = new ArrayList<>();
        List<Path> proofs = new ArrayList<>();
        List<Path> exports = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--key") || arg.equals("--head") || arg.equals("--consistency")) {
                if (i + 1 >= args.length) {
                    return usage(out, arg + " cần một tệp");
                }
                Path file = Path.of(args[++i]);
                switch (arg) {
                    case "--key" -> keyFile = file;
                    case "--head" -> heads.add(file);
                    default -> proofs.add(file);
                }
            } else if (arg.startsWith("--")) {
                return usage(out, "không rõ tùy chọn " + arg);
            } else {
                exports.add(Path.of(arg));
            }
        }
        if (keyFile == null) {
            return usage(out, "cần --key");
        }
        if (heads.isEmpty() && exports.isEmpty()) {
            return usage(out, "cần ít nhất một --head hoặc một bản xuất");
        }
        OfflineVerifier verifier;
        try {
            PublicKey key = SigningKeys.readPublic(small(keyFile));
            List<SignedTreeHead> saved = new ArrayList<>();
            for (Path head : heads) {
                saved.add(TreeHeadJson.fromJson(small(head)));
            }
            List<ConsistencyProof> given = new ArrayList<>();
            for (Path proof : proofs) {
                given.add(ConsistencyProof.fromJson(small(proof)));
            }
            verifier = new OfflineVerifier(key, saved, given);
        } catch (IOException | IllegalArgumentException e) {
            return usage(out, e.getMessage());
        }
        boolean ok = true;
        if (!heads.isEmpty()) {
            out.println("== Bản ghi cây đã lưu (" + heads.size() + ")");
            ok &= print(verifier.verifyHeads(), out);
        }
        for (Path export : exports) {
            out.println("== " + export);
            try {
                ok &= print(verifier.verifyExport(export), out);
            } catch (IOException | RuntimeException e) {
                out.println("  SAI   không đọc được tệp: " + e.getMessage());
                ok = false;
            }
        }
        out.println(ok ? "KẾT QUẢ: ĐẠT — mọi kiểm tra đều đúng" : "KẾT QUẢ: KHÔNG ĐẠT — xem các dòng SAI ở trên");
        return ok ? 0 : 1;
    }

    private static boolean print(OfflineVerifier.Report report, PrintStream out) {
        report.passed().forEach(line -> out.println("  ĐÚNG  " + line));
        report.failed().forEach(line -> out.println("  SAI   " + line));
        return report.ok();
    }

    private static String small(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("không có tệp " + file);
        }
        if (Files.size(file) > MAX_SMALL_FILE) {
            throw new IOException("tệp " + file + " quá lớn cho một khóa, bản ghi cây hay chứng minh");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static int usage(PrintStream out, String problem) {
        out.println("Lỗi: " + problem);
        out.println(USAGE);
        return 2;
    }
}
