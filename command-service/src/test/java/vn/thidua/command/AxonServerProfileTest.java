package vn.thidua.command;

import vn.thidua.service.axon.QuietAxon;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The distributed profile, loaded for real: events go to Axon Server, deadlines to MongoDB through JobRunr, no
 * relational database is configured, none of the embedded default's demo users exists, and callers authenticate with
 * bearer tokens signed by the configured identity provider (its JWK set served here on loopback), tested with tokens
 * signed in the test. MongoDB is played by
 * mongo-java-server; no Axon Server runs here, so the test only checks what the application would connect to.
 * JobRunr's MongoDB index migrations (M007 drops an index by name) do not run on mongo-java-server, so they are
 * skipped here; against a real MongoDB they run at start.
 */
class AxonServerProfileTest {

    private static MongoServer mongo;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        QuietAxon.apply();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            // what JobRunr's migrations leave behind on a real MongoDB
            for (String collection : new String[]{"jobs", "recurring_jobs",
                    "background_job_servers", "metadata", "migrations"}) {
                client.getDatabase("thidua_deadlines").createCollection(collection);
            }
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        // the organisation's identity provider: its keys served as a JWK set on loopback
        provider = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = new JWKSet(provider.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        context = CommandServiceApplication.builder()
                .profiles("axonserver")
                .run("--server.port=0",
                        "--THIDUA_MONGODB_URI=" + uri + "/thidua",
                        "--AXONSERVER_SERVERS=localhost:" + closedPort,
                        "--jobrunr.database.skip-create=true",
                        "--THIDUA_OIDC_ISSUER=" + ISSUER,
                        "--THIDUA_OIDC_JWK_SET_URI=http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
        api = HttpClient.newHttpClient();
        base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static final String ISSUER = "https://id.test.thidua.vn/realms/thidua";
    private static RSAKey provider;
    private static HttpServer jwks;
    private static HttpClient api;
    private static String base;

    /** A token signed by {@code key}, for {@code issuer}, valid until {@code expires}, with the given claims. */
    private static String token(RSAKey key, String issuer, Instant expires, Map<String, Object> claims)
            throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).subject("user-1")
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                set.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String valid(Map<String, Object> claims) throws Exception {
        return token(provider, ISSUER, Instant.now().plusSeconds(300), claims);
    }

    private static HttpResponse<String> post(String authorization, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) {
        int at = response.body().indexOf("\"code\":\"");
        return at < 0 ? null : response.body().substring(at + 8, response.body().indexOf('"', at + 8));
    }

    @AfterAll
    static void stop() {
        context.close();
        mongo.shutdownNow();
        jwks.stop(0);
    }

    @Test
    void eventsGoToAxonServerAndDeadlinesToMongo() {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(JobRunrDeadlineManager.class);
        assertThat(context.getBean(StorageProvider.class)).isInstanceOf(MongoDBStorageProvider.class);
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }

    @Test
    void noDemoUserExists() {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        for (String demo : new String[]{"organizer", "unit", "inspector", "council", "approver", "auditor", "admin"}) {
            assertThatThrownBy(() -> users.loadUserByUsername(demo)).isInstanceOf(UsernameNotFoundException.class);
        }
    }

    @Test
    void signedTokensFromTheConfiguredIssuerAuthenticateWithRoleAndUnitFromTheirClaims() throws Exception {
        String invalidId = "{\"id\":\"not-a-uuid\",\"plan\":{}}";
        // an organizer's token passes authentication and authorization; the body's own fault answers
        HttpResponse<String> organizer = post("Bearer " + valid(Map.of("preferred_username", "nguyen.van.a",
                "thidua_role", List.of("offline_access", "ORGANIZER"))), "/api/campaigns", invalidId);
        assertThat(organizer.statusCode()).isEqualTo(400);
        assertThat(code(organizer)).isEqualTo("invalid-id");
        // the role comes from the claim
        HttpResponse<String> inspector = post("Bearer " + valid(Map.of("thidua_role", "INSPECTOR")),
                "/api/campaigns", invalidId);
        assertThat(inspector.statusCode()).isEqualTo(403);
        // the unit comes from the claim
        HttpResponse<String> unit = post("Bearer " + valid(Map.of("thidua_role", "UNIT", "thidua_unit", "u1")),
                "/api/campaigns/c1/participants", "{\"unitId\":\"u2\",\"unitName\":\"Đơn vị 2\"}");
        assertThat(unit.statusCode()).isEqualTo(403);
        assertThat(code(unit)).isEqualTo("forbidden-unit");
    }

    @Test
    void everyOtherCredentialIsRefused() throws Exception {
        String body = "{\"plan\":{}}";
        Map<String, Object> organizer = Map.of("thidua_role", "ORGANIZER");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        List<String> refused = List.of(
                "Bearer " + token(stranger, ISSUER, Instant.now().plusSeconds(300), organizer),
                "Bearer " + token(provider, "https://elsewhere.example/realms/x", Instant.now().plusSeconds(300),
                        organizer),
                "Bearer " + token(provider, ISSUER, Instant.now().minusSeconds(300), organizer),
                "Bearer " + valid(Map.of("thidua_role", List.of("ORGANIZER", "APPROVER"))),
                "Bearer " + valid(Map.of("thidua_role", "UNIT")),
                "Bearer not.a.token",
                "Basic " + java.util.Base64.getEncoder().encodeToString("organizer:demo".getBytes()));
        for (String credential : refused) {
            HttpResponse<String> response = post(credential, "/api/campaigns", body);
            assertThat(response.statusCode()).as(credential).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        HttpResponse<String> anonymous = post(null, "/api/campaigns", body);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }
}
