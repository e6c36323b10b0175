package vn.thidua.projections;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents made straight from Jackson's tokens are the ones BSON's JSON reader makes from the text, byte for byte
 * (the demo's read models are held the same way by ApprovedReadModelsTest).
 */
class DocumentMapperTest {

    private final DocumentMapper mapper = new DocumentMapper();

    enum Level { CO_SO, TINH }

    record Shape(int small, long wide, long narrowLong, Integer none, double real, Float single, BigDecimal ratio,
                 BigInteger huge, String text, boolean flag, Level level, Instant at, LocalDate day,
                 List<Object> items, Map<String, Object> map, byte[] bytes, char letter, short shortOne) {
    }

    @Test
    void everyShapeOfValueMakesTheBytesOfTheTextWay() {
        Random random = new Random(2026);
        String[] texts = {"", "Thủ Thừa", "Thu\u0309 Thu\u031b\u0300a", "\"quoted\" \\ /", "\u0000\u001f\t\n", "😀",
                "{\"$date\":1}", "NaN", "-0"};
        double[] reals = {0.0, -0.0, 0.1, 1e300, -1.5e-7, 333333333.33333329, Double.NaN, Double.POSITIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE, 12.0};
        long[] longs = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
                Long.MAX_VALUE, Long.MIN_VALUE};
        int direct = 0;
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                String key = random.nextInt(10) == 0 ? "$key" + k : "k" + random.nextInt(100);
                map.put(key, random.nextBoolean() ? texts[random.nextInt(texts.length)]
                        : List.of(longs[random.nextInt(longs.length)], Map.of("z", 1, "a", 2)));
            }
            List<Object> items = new ArrayList<>(Arrays.asList(null, reals[random.nextInt(reals.length)],
                    texts[random.nextInt(texts.length)], List.of()));
            Object value = new Shape(random.nextInt(), longs[random.nextInt(longs.length)], random.nextInt(1000),
                    random.nextBoolean() ? null : random.nextInt(), reals[random.nextInt(reals.length)],
                    random.nextInt(5) == 0 ? (random.nextBoolean() ? 0.1f : 2f) : null,
                    random.nextInt(3) == 0 ? new BigDecimal(random.nextBoolean() ? "0.50" : "1") : null,
                    random.nextInt(5) == 0 ? BigInteger.TEN.pow(30) : null, texts[random.nextInt(texts.length)],
                    random.nextBoolean(), Level.values()[random.nextInt(2)],
                    Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                    LocalDate.ofEpochDay(random.nextInt(30_000)), items, map,
                    random.nextInt(5) == 0 ? new byte[] {1, 2, 3} : null, 'đ', (short) random.nextInt(100));
            Document made = mapper.direct(value);
            Document read = null;
            try {
                read = mapper.viaText(value);
            } catch (RuntimeException unreadable) {
                assertThat(made).as("value %d: BSON's reader refuses it (%s)", i, unreadable).isNull();
            }
            if (read != null) {
                assertThat(bytes(mapper.toDocument(value))).as("value %d", i).isEqualTo(bytes(read));
            }
            if (made != null) {
                direct++;
                assertThat(bytes(made)).as("value %d: %s", i, value).isEqualTo(bytes(read));
            }
        }
        // about a fifth of the values hold nothing that sends them to the text way
        assertThat(direct).as("values made the direct way").isGreaterThan(500);
    }

    @Test
    void aDocumentReadsBackAsTheValue() {
        record View(String id, long count, List<String> names, Map<String, Integer> quota) {
        }
        View view = new View("c-1", 5_000_000_000L, List.of("Bố Trạch", "Thủ Thừa"), Map.of("b", 2, "a", 1));
        Document document = mapper.toDocument(view);
        assertThat(document.get("count")).isEqualTo(5_000_000_000L);
        assertThat(((Document) document.get("quota")).keySet()).containsExactly("a", "b");
        assertThat(mapper.fromDocument(document, View.class)).isEqualTo(view);
    }

    private static byte[] bytes(Document document) {
        RawBsonDocument raw = new RawBsonDocument(document, new DocumentCodec());
        return Arrays.copyOf(raw.getByteBuffer().array(), raw.getByteBuffer().remaining());
    }
}
