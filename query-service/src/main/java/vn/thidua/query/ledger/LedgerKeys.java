package vn.thidua.query.ledger;

import vn.thidua.ledger.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The key pair that signs tree heads, read from its two PEM files at start. With {@code generate}, a pair is made
 * when neither file exists (the private key readable by its owner only); a lone file, a pair that does not match or
 * an unreadable file stops the start: a platform that signed with a key nobody can check would be worse than none.
 */
public record LedgerKeys(PrivateKey privateKey, PublicKey publicKey) {

    public static LedgerKeys load(Path privateFile, Path publicFile, boolean generate) {
        if (privateFile == null || publicFile == null) {
            throw new IllegalStateException("thidua.audit.ledger.private-key and public-key name the files of the key"
                    + " that signs tree heads");
        }
        boolean hasPrivate = Files.exists(privateFile);
        boolean hasPublic = Files.exists(publicFile);
        if (!hasPrivate && !hasPublic && generate) {
            KeyPair pair = SigningKeys.generate();
            write(privateFile, SigningKeys.privatePem(pair.getPrivate()), true);
            write(publicFile, SigningKeys.publicPem(pair.getPublic()), false);
        } else if (!hasPrivate || !hasPublic) {
            throw new IllegalStateException("the ledger's signing key needs both " + privateFile + " and "
                    + publicFile + (generate ? " (only one exists)" : " (generate one: openssl genpkey -algorithm"
                    + " ed25519 -out key.pem && openssl pkey -in key.pem -pubout -out key.pub.pem)"));
        }
        try {
            PrivateKey key = SigningKeys.readPrivate(Files.readString(privateFile));
            PublicKey publicKey = SigningKeys.readPublic(Files.readString(publicFile));
            if (!SigningKeys.matches(key, publicKey)) {
                throw new IllegalStateException(publicFile + " is not the public key of " + privateFile);
            }
            return new LedgerKeys(key, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ledger's signing key: " + e.getMessage(), e);
        }
    }

    public String publicPem() {
        return SigningKeys.publicPem(publicKey);
    }

    public String keyId() {
        return SigningKeys.keyId(publicKey);
    }

    private static void write(Path file, String pem, boolean secret) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
            if (secret && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, pem);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true); // on the disk before it has a name: never a named, empty key
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
        }
    }
}
