package vn.thidua.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalEventTest {

    /** RFC 8785 section 3.2.2's example: its input and the canonical output the RFC prints. */
    @Test
    void theRfcExampleCanonicalizesAsPrinted() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(new String(CanonicalEvent.canonicalize(input), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void anEventHasOneFormWhateverTheSpellingOfItsJson() {
        Instant at = Instant.parse("2020-06-30T02:15:00.123456Z");
        CanonicalEvent spaced = new CanonicalEvent("e-1", "vn.thidua.domain.campaign.CampaignLaunched", "1",
                "Campaign", "c-1", 0L, at, "{ \"actorId\" : \"an\", \"actorRole\":\"ORGANIZER\" }".getBytes(),
                "{\"theme\":\"Thi đua\", \"campaignId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8));
        CanonicalEvent tight = new CanonicalEvent("e-1", "vn.thidua.domain.campaign.CampaignLaunched", "1",
                "Campaign", "c-1", 0L, at, "{\"actorRole\":\"ORGANIZER\",\"actorId\":\"an\"}".getBytes(),
                "{\"campaignId\":\"c-1\",\"theme\":\"Thi \\u0111ua\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(spaced.canonicalJson()).isEqualTo(tight.canonicalJson()).isEqualTo("{\"aggregateId\":\"c-1\","
                + "\"aggregateType\":\"Campaign\",\"eventId\":\"e-1\",\"metaData\":{\"actorId\":\"an\","
                + "\"actorRole\":\"ORGANIZER\"},\"payload\":{\"campaignId\":\"c-1\",\"theme\":\"Thi đua\"},"
                + "\"payloadType\":\"vn.thidua.domain.campaign.CampaignLaunched\",\"revision\":\"1\",\"sequence\":0,"
                + "\"timestamp\":\"2020-06-30T02:15:00.123456Z\"}");
        assertThat(spaced.leafHash()).isEqualTo(MerkleHashes.leaf(tight.canonicalBytes()));
        CanonicalEvent later = new CanonicalEvent("e-1", "vn.thidua.domain.campaign.CampaignLaunched", "1",
                "Campaign", "c-1", 0L, at.plusNanos(1000), tight.metaData(), tight.payload());
        assertThat(later.leafHash()).isNotEqualTo(tight.leafHash());
    }

    @Test
    void aPayloadThatIsNotJsonIsRefused() {
        CanonicalEvent broken = new CanonicalEvent("e", "T", null, null, null, null, Instant.EPOCH,
                "{}".getBytes(), "{\"a\":".getBytes());
        assertThatThrownBy(broken::canonicalBytes).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void bytesAfterTheStoredJsonAreRefusedBothWays() {
        for (String payload : List.of("{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "{\"a\":1} {\"x\":1}")) {
            CanonicalEvent tampered = new CanonicalEvent("e", "T", "1", "A", "a-1", 0L, Instant.EPOCH,
                    "{}".getBytes(), payload.getBytes(StandardCharsets.UTF_8));
            assertThat(tampered.composed()).as(payload).isNull();
            assertThatThrownBy(tampered::canonicalBytes).as(payload).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("payload");
        }
        CanonicalEvent spaced = new CanonicalEvent("e", "T", "1", "A", "a-1", 0L, Instant.EPOCH, "{}".getBytes(),
                " {\"a\":1}  \n".getBytes(StandardCharsets.UTF_8));
        assertThat(spaced.canonicalJson()).contains("\"payload\":{\"a\":1}");
    }

    /** Payloads of every kind a store may hold, tampered ones included. */
    private static final String[] PAYLOADS = {
        "{}", "[]", "null", "0", "-0", "1E2", "12345678901234567890", "-1.5e-7", "0.1", "333333333.33333329",
        "\"text\"", "{\"b\":1,\"a\":[true,false,null,{\"z\":\"\\u0000\\u001f\\b\\t\\n\\f\\r\"}]}",
        "{\"name\":\"Nguyễn Thị Hà 😀\",\"quote\":\"\\\"\\\\/\\u20ac\\u2028\",\"lone\":\"\\ud800\"}",
        "{\"a\":1,\"a\":2}", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "{'a':1}", "{\"a\":NaN}", "{\"a\":",
        "  {\n \"spaced\" :\t[ 1 , 2 ]\n}  ", "{\"deep\":{\"er\":{\"est\":[[[1.0,2.50,-3e+300]]]}}}", "",
    };
    /** Strings of printable ASCII (as the platform writes ids, types and times), and others. */
    private static final String[] ASCII = {"e-1", "c/1:x.y_z", "with \"quote\"", "back\\slash", "", "~ printable ~"};
    private static final String[] OTHER = {"Thủ Thừa", "tab\there", "😀", "\u007f", "\u0000"};

    /**
     * The canonical form composed from its parts is the general one, byte for byte, for events of every shape (odd
     * strings outside the payload, sequences past 2^53, nulls, payloads the canonicalizer refuses): where the general
     * way refuses an event, so does the composed one.
     */
    @Test
    void theComposedFormIsTheGeneralOneForEveryShapeOfEvent() {
        java.util.Random random = new java.util.Random(8785);
        Long[] sequences = {null, 0L, 7L, -3L, (1L << 53) - 1, 1L << 53, Long.MAX_VALUE};
        int compared = 0;
        int composed = 0;
        for (int i = 0; i < 10_000; i++) {
            String payload = PAYLOADS[random.nextInt(PAYLOADS.length)];
            String meta = random.nextInt(5) == 0 ? null : PAYLOADS[random.nextInt(PAYLOADS.length)];
            CanonicalEvent event = new CanonicalEvent(pick(random), pick(random), pick(random), pick(random),
                    pick(random), sequences[random.nextInt(sequences.length)],
                    random.nextInt(6) == 0 ? null : Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)),
                    meta == null ? null : meta.getBytes(StandardCharsets.UTF_8),
                    random.nextInt(9) == 0 ? null : payload.getBytes(StandardCharsets.UTF_8));
            byte[] general;
            try {
                general = event.generic();
            } catch (RuntimeException refused) {
                assertThat(event.composed()).as("event %d", i).isNull();
                assertThatThrownBy(event::canonicalBytes).as("event %d", i).isInstanceOf(RuntimeException.class);
                continue;
            }
            byte[] quick = event.composed();
            if (quick != null) {
                assertThat(new String(quick, StandardCharsets.UTF_8)).as("event %d", i)
                        .isEqualTo(new String(general, StandardCharsets.UTF_8));
                composed++;
            }
            assertThat(event.canonicalBytes()).as("event %d", i).isEqualTo(general);
            compared++;
        }
        assertThat(compared).isGreaterThan(4_000);
        assertThat(composed).isGreaterThan(500);
    }

    private static String pick(java.util.Random random) {
        int kind = random.nextInt(40);
        return kind == 0 ? null : kind == 1 ? OTHER[random.nextInt(OTHER.length)] : ASCII[random.nextInt(ASCII.length)];
    }
}
