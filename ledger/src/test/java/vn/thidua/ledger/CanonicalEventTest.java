package vn.thidua.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

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
}
