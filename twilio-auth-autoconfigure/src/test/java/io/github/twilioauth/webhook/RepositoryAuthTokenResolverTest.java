package io.github.twilioauth.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.TwilioException;
import io.github.twilioauth.client.TwilioTenant;
import io.github.twilioauth.client.TwilioTenantRepository;
import io.github.twilioauth.credential.NoAuthCredentialProvider;
import io.github.twilioauth.test.webhook.TwilioWebhookSigner;
import io.github.twilioauth.testsupport.FakeTicker;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Webhook Auth Tokens found through {@link TwilioTenantRepository#findByAccountSid}, behind a
 * bounded cache of finds and a cache of misses driven by a fake ticker.
 */
class RepositoryAuthTokenResolverTest {

    private static final String URL = "https://hooks.example.com/sms";

    private static final String SUB_A = "AC" + "a".repeat(32);

    private static final String SUB_B = "AC" + "b".repeat(32);

    private static final String CONFIGURED = "AC" + "c".repeat(32);

    private final FakeTicker ticker = new FakeTicker();

    private final AccountRepository repository = new AccountRepository();

    /** Finds the tenants of a map by Account SID, counting the lookups of each SID. */
    private static final class AccountRepository implements TwilioTenantRepository {

        final Map<String, TwilioTenant> byAccount = new ConcurrentHashMap<>();

        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        final AtomicInteger total = new AtomicInteger();

        @Override
        public @Nullable TwilioTenant findByName(String name) {
            throw new AssertionError("webhooks look tenants up by Account SID");
        }

        @Override
        public @Nullable TwilioTenant findByAccountSid(String accountSid) {
            this.total.incrementAndGet();
            this.lookups.computeIfAbsent(accountSid, (key) -> new AtomicInteger()).incrementAndGet();
            return this.byAccount.get(accountSid);
        }

        void add(String accountSid, String... authTokens) {
            this.byAccount.put(accountSid, TwilioTenant.builder()
                .accountSid(accountSid)
                .credentials(new NoAuthCredentialProvider())
                .webhookAuthTokens(authTokens)
                .build());
        }

        int lookups(String accountSid) {
            AtomicInteger count = this.lookups.get(accountSid);
            return (count != null) ? count.get() : 0;
        }
    }

    private RepositoryAuthTokenResolver resolver(long maximumSize) {
        InMemoryAuthTokenResolver configured = InMemoryAuthTokenResolver.builder()
            .account(CONFIGURED, "configured-token", null)
            .build();
        return new RepositoryAuthTokenResolver(configured, this.repository, maximumSize, Duration.ofHours(1),
                Duration.ofMinutes(1), this.ticker::read);
    }

    private static TwilioWebhookRequest signed(String accountSid, String authToken) {
        Map<String, List<String>> form = new HashMap<>();
        form.put("AccountSid", List.of(accountSid));
        form.put("Body", List.of("hello"));
        return TwilioWebhookRequest.form("POST", URL, TwilioWebhookSigner.signature(authToken, URL, form), form);
    }

    @Test
    void checksTheWebhooksOfTwoSubaccountsWithTheirOwnAuthTokens() {
        this.repository.add(SUB_A, "token-of-a");
        this.repository.add(SUB_B, "token-of-b", "next-token-of-b");
        TwilioWebhookValidator validator = new TwilioWebhookValidator(resolver(100), ObservationRegistry.NOOP);

        assertThat(validator.validate(signed(SUB_A, "token-of-a"))).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
        assertThat(validator.validate(signed(SUB_B, "token-of-b"))).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
        assertThat(validator.validate(signed(SUB_B, "next-token-of-b"))).isEqualTo(TwilioWebhookVerdict.ACCEPTED);
        assertThat(validator.validate(signed(SUB_A, "token-of-b"))).isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
        assertThat(validator.validate(signed(SUB_B, "token-of-a"))).isEqualTo(TwilioWebhookVerdict.INVALID_SIGNATURE);
        assertThat(this.repository.lookups(SUB_A)).isEqualTo(1);
        assertThat(this.repository.lookups(SUB_B)).isEqualTo(1);
    }

    @Test
    void configuredTokensOfAnAccountComeBeforeTheRepository() {
        this.repository.add(CONFIGURED, "repository-token");
        RepositoryAuthTokenResolver resolver = resolver(100);

        assertThat(resolver.resolveAuthTokens(CONFIGURED)).containsExactly("configured-token");
        assertThat(this.repository.total).hasValue(0);
    }

    @Test
    void anAccountTheRepositoryDoesNotKnowIsUnknownAndAskedAboutOncePerMissWindow() {
        // Misses are remembered up to maximum-size SIDs, as many as the 200 asked about here.
        RepositoryAuthTokenResolver resolver = resolver(200);
        TwilioWebhookValidator validator = new TwilioWebhookValidator(resolver, ObservationRegistry.NOOP);
        List<String> randomSids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            randomSids.add(String.format("AC%032x", i * 7919L + 13));
        }

        for (int round = 0; round < 3; round++) {
            for (String sid : randomSids) {
                assertThat(validator.validate(signed(sid, "guessed"))).isEqualTo(TwilioWebhookVerdict.UNKNOWN_ACCOUNT);
            }
        }
        assertThat(this.repository.total).hasValue(200);

        this.ticker.advance(Duration.ofSeconds(59));
        resolver.resolveAuthTokens(randomSids.get(0));
        assertThat(this.repository.lookups(randomSids.get(0))).isEqualTo(1);
        this.ticker.advance(Duration.ofSeconds(2));
        resolver.resolveAuthTokens(randomSids.get(0));
        assertThat(this.repository.lookups(randomSids.get(0))).isEqualTo(2);
    }

    @Test
    void missesNeverPushFoundAccountsOut() {
        this.repository.add(SUB_A, "token-of-a");
        this.repository.add(SUB_B, "token-of-b");
        RepositoryAuthTokenResolver resolver = resolver(10);
        resolver.resolveAuthTokens(SUB_A);
        resolver.resolveAuthTokens(SUB_B);

        for (int i = 0; i < 1000; i++) {
            resolver.resolveAuthTokens(String.format("AC%032x", i + 1_000_000L));
        }

        assertThat(resolver.resolveAuthTokens(SUB_A)).containsExactly("token-of-a");
        assertThat(resolver.resolveAuthTokens(SUB_B)).containsExactly("token-of-b");
        assertThat(this.repository.lookups(SUB_A)).isEqualTo(1);
        assertThat(this.repository.lookups(SUB_B)).isEqualTo(1);
    }

    @Test
    void aValueThatIsNotAnAccountSidNeverReachesTheRepository() {
        RepositoryAuthTokenResolver resolver = resolver(100);

        assertThat(resolver.resolveAuthTokens("AC-not-a-sid")).isEmpty();
        assertThat(resolver.resolveAuthTokens("' OR 1=1 --")).isEmpty();
        assertThat(this.repository.total).hasValue(0);
    }

    @Test
    void evictReadsAnAccountsChangedAuthTokenAgain() {
        this.repository.add(SUB_A, "old-token");
        RepositoryAuthTokenResolver resolver = resolver(100);
        assertThat(resolver.resolveAuthTokens(SUB_A)).containsExactly("old-token");

        this.repository.add(SUB_A, "new-token");
        assertThat(resolver.resolveAuthTokens(SUB_A)).containsExactly("old-token");
        resolver.evict(SUB_A);

        assertThat(resolver.resolveAuthTokens(SUB_A)).containsExactly("new-token");
    }

    @Test
    void aRepositoryFailureNamesTheAccountAndCachesNothing() {
        AtomicInteger calls = new AtomicInteger();
        TwilioTenantRepository failing = new TwilioTenantRepository() {
            @Override
            public @Nullable TwilioTenant findByName(String name) {
                return null;
            }

            @Override
            public @Nullable TwilioTenant findByAccountSid(String accountSid) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("database down");
                }
                return null;
            }
        };
        RepositoryAuthTokenResolver resolver = new RepositoryAuthTokenResolver(
                InMemoryAuthTokenResolver.builder().build(), failing, 10, Duration.ofHours(1), Duration.ofMinutes(1),
                this.ticker::read);

        assertThatExceptionOfType(TwilioException.class).isThrownBy(() -> resolver.resolveAuthTokens(SUB_A))
            .withMessageContaining(SUB_A)
            .withRootCauseInstanceOf(IllegalStateException.class);
        assertThat(resolver.resolveAuthTokens(SUB_A)).isEmpty();
        assertThat(calls).hasValue(2);
    }

    @Test
    void toStringShowsNoToken() {
        this.repository.add(SUB_A, "secret-webhook-token");
        RepositoryAuthTokenResolver resolver = resolver(100);
        resolver.resolveAuthTokens(SUB_A);

        assertThat(resolver.toString()).doesNotContain("secret-webhook-token", "configured-token");
    }
}
