package vn.thidua.query.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code thidua.audit.ledger}: where the Ed25519 key that signs tree heads lives (PKCS #8 and X.509 PEM files;
 * {@code generate-keys} makes a pair there when neither exists, as the embedded default does in its data folder),
 * how often a head is signed (every {@code sign-every} events, and at least every {@code sign-interval} while the
 * tree grows), and the builder's batch of events.
 */
@ConfigurationProperties("thidua.audit.ledger")
public record LedgerProperties(Path privateKey, Path publicKey, Boolean generateKeys, Integer signEvery,
                               Duration signInterval, Integer batchSize) {

    public LedgerProperties {
        generateKeys = generateKeys != null && generateKeys;
        signEvery = signEvery == null ? 1000 : signEvery;
        signInterval = signInterval == null ? Duration.ofMinutes(1) : signInterval;
        batchSize = batchSize == null ? 1000 : batchSize;
        if (signEvery < 1 || batchSize < 1 || batchSize > 10_000 || signInterval.isNegative() || signInterval.isZero()) {
            throw new IllegalArgumentException("thidua.audit.ledger: sign-every and batch-size (1 to 10,000) are"
                    + " positive, sign-interval too");
        }
    }
}
