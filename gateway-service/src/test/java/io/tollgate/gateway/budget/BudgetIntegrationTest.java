package io.tollgate.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.metering.UsageBatchWriter;
import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Budgets driven by real metered spend: each request through the gateway costs money until a budget is crossed. */
class BudgetIntegrationTest extends GatewayIntegrationTest {

    private static final Budgets BUDGETS = new Budgets(SEEDER.jdbc());

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private UsageBatchWriter writer;

    @Test
    void block_budget_refuses_with_insufficient_quota_once_the_metered_spend_reaches_it() {
        var world = world();
        UUID budget = BUDGETS.create(world.tenant(), world.app(), world.chatModel(), "0.01", "BLOCK", null);
        awaitBudget(world.tenant(), budget);

        for (int i = 0; i < 3; i++) {
            assertThat(chat(world.key().plaintext(), world.chatModel(), false).statusCode()).as("request " + i).isEqualTo(200);
        }
        Instant nextMonth = YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long atMostSeconds = Math.ceilDiv(Duration.between(Instant.now(), nextMonth).toNanos(), 1_000_000_000L);
        var refused = chat(world.key().plaintext(), world.chatModel(), false);
        long atLeastSeconds = Duration.between(Instant.now(), nextMonth).toSeconds();

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"type\":\"insufficient_quota\"", "\"code\":\"insufficient_quota\"",
                "monthly budget of USD 0.01 for app '", "and model '" + world.chatModel() + "'", budget.toString());
        assertThat(Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow()))
                .as("retry-after: the seconds until the budget's next month begins, rounded up, at the time it was refused")
                .isBetween(atLeastSeconds, atMostSeconds);
        assertThat(chat(world.key().plaintext(), world.mockModel(), false).statusCode())
                .as("another model of the app is outside an app+model budget").isEqualTo(200);
        var events = events(world.key().id(), 5);
        assertThat(events).filteredOn(e -> e.get("status_code").equals(429)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("error_type", "insufficient_quota");
            assertThat((BigDecimal) e.get("cost_usd")).isZero();
        });
        await(() -> BUDGETS.spent(budget).compareTo(chatCost(3)) == 0, Duration.ofSeconds(5), "the spend of three requests");
    }

    @Test
    void concurrent_requests_overshoot_a_block_budget_by_at_most_one_request() {
        var world = world();
        UUID budget = BUDGETS.create(world.tenant(), world.app(), world.chatModel(), "0.02", "BLOCK", null);
        awaitBudget(world.tenant(), budget);
        // the fixture's usage fits the bound of this body: 1,200 prompt tokens < 1,300 bytes, 300 completion tokens
        String body = "{\"model\":\"" + world.chatModel() + "\",\"max_tokens\":300,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + "spend ".repeat(220) + "\"}]}";

        // one request alone first: the data plane's first body rewrite builds Jackson's deserializers under a lock
        assertThat(http.sendAsync(request(baseUrl(), world.key().plaintext(), body), HttpResponse.BodyHandlers.ofString())
                .join().statusCode()).isEqualTo(200);
        int served = 1;
        boolean spent = false;
        for (int round = 0; round < 10 && !spent; round++) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(http.sendAsync(request(baseUrl(), world.key().plaintext(), body), HttpResponse.BodyHandlers.ofString()));
            }
            for (var response : responses.stream().map(CompletableFuture::join).toList()) {
                if (response.statusCode() == 200) {
                    served++;
                } else {
                    assertThat(response.statusCode()).isEqualTo(429);
                    assertThat(response.body()).contains("\"type\":\"insufficient_quota\"");
                    spent |= response.body().contains("\"code\":\"insufficient_quota\"");
                }
            }
        }

        assertThat(spent).as("the budget ran out").isTrue();
        BigDecimal total = chatCost(served);
        await(() -> BUDGETS.spent(budget).compareTo(total) == 0, Duration.ofSeconds(5), "the spend of every served request");
        assertThat(total).isGreaterThanOrEqualTo(new BigDecimal("0.02"))
                .as("overshoot of one request at most").isLessThan(new BigDecimal("0.02").add(Budgets.CHAT_COST));
    }

    @Test
    void a_tenant_budget_counts_the_spend_of_all_its_apps() {
        var world = world();
        UUID otherApp = SEEDER.app(world.tenant());
        var otherKey = SEEDER.key(world.tenant(), otherApp, null);
        SEEDER.subscribe(world.tenant(), otherApp, world.chatModel(), "APPROVED");
        UUID budget = BUDGETS.create(world.tenant(), null, null, "0.009", "BLOCK", null);
        awaitSnapshot(s -> s.keyByPrefix(otherKey.prefix()).isPresent() && !s.budgets(world.tenant()).isEmpty()
                && s.approvedSubscription(otherApp, s.model(world.chatModel()).orElseThrow().id()).isPresent());

        assertThat(chat(world.key().plaintext(), world.chatModel(), false).statusCode()).isEqualTo(200);
        assertThat(chat(otherKey.plaintext(), world.chatModel(), false).statusCode()).isEqualTo(200);
        var refused = chat(world.key().plaintext(), world.mockModel(), false);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("monthly budget of USD 0.009 for tenant '");
        assertThat(chat(otherKey.plaintext(), world.chatModel(), false).statusCode()).isEqualTo(429);
        await(() -> BUDGETS.spent(budget).compareTo(chatCost(2)) == 0, Duration.ofSeconds(5), "the spend of both apps");
    }

    @Test
    void alert_only_budget_serves_past_its_amount_and_records_each_threshold_once() {
        var world = world();
        UUID budget = BUDGETS.create(world.tenant(), world.app(), null, "0.01", "ALERT_ONLY", null);
        awaitBudget(world.tenant(), budget);

        for (int i = 0; i < 5; i++) {
            assertThat(chat(world.key().plaintext(), world.chatModel(), i % 2 == 0).statusCode()).isEqualTo(200);
        }

        await(() -> BUDGETS.spent(budget).compareTo(chatCost(5)) == 0, Duration.ofSeconds(5), "the spend of five requests");
        var alerts = BUDGETS.alerts(budget);
        assertThat(alerts).extracting(a -> a.get("threshold_percent")).containsExactly(50, 80, 100);
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert).containsEntry("tenant_id", world.tenant()).containsEntry("webhook_status", "PENDING")
                    .containsEntry("email_status", "PENDING");
            assertThat(alert.get("period_start").toString()).isEqualTo(Budgets.thisMonth().toString());
            assertThat((BigDecimal) alert.get("budget_usd")).isEqualByComparingTo("0.01");
            BigDecimal spent = (BigDecimal) alert.get("spent_usd");
            assertThat(spent.multiply(BigDecimal.valueOf(100)))
                    .isGreaterThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf((Integer) alert.get("threshold_percent"))));
            assertThat(spent.remainder(Budgets.CHAT_COST)).as("spend is whole requests").isZero();
        });
    }

    @Test
    void downgrade_budget_serves_the_cheaper_model_and_says_so() {
        var world = world();
        UUID budget = BUDGETS.create(world.tenant(), world.app(), world.chatModel(), "0.005", "DOWNGRADE", world.mockModel());
        awaitBudget(world.tenant(), budget);

        var first = chat(world.key().plaintext(), world.chatModel(), false);
        var second = chat(world.key().plaintext(), world.chatModel(), false);
        var downgraded = chat(world.key().plaintext(), world.chatModel(), false);
        var downgradedStream = chat(world.key().plaintext(), world.chatModel(), true);

        assertThat(first.headers().firstValue("x-tollgate-downgraded-from")).isEmpty();
        assertThat(second.headers().firstValue("x-tollgate-downgraded-from")).isEmpty();
        assertThat(downgraded.statusCode()).isEqualTo(200);
        assertThat(downgraded.headers().firstValue("x-tollgate-downgraded-from")).hasValue(world.chatModel());
        assertThat(downgraded.body()).contains("tollgate-mock");
        assertThat(downgradedStream.statusCode()).isEqualTo(200);
        assertThat(downgradedStream.headers().firstValue("x-tollgate-downgraded-from")).hasValue(world.chatModel());
        var events = events(world.key().id(), 4);
        assertThat(events).extracting(e -> e.get("requested_model")).containsOnly(world.chatModel());
        assertThat(events).extracting(e -> e.get("served_model"))
                .containsExactly(world.chatModel(), world.chatModel(), world.mockModel(), world.mockModel());
        var cheap = (BigDecimal) events.get(2).get("cost_usd");
        assertThat(cheap).isPositive().isLessThan(Budgets.CHAT_COST);
        assertThat(new BigDecimal(downgraded.headers().firstValue("x-tollgate-cost-usd").orElseThrow())).isEqualByComparingTo(cheap);
        await(() -> countEvents(world.key().id()) == 4, Duration.ofSeconds(5), "the events");
        assertThat(BUDGETS.spent(budget)).as("the cheaper model's cost is not the expensive model's spend")
                .isEqualByComparingTo(chatCost(2));
    }

    @Test
    void after_a_downgrade_the_limits_of_the_served_model_apply() {
        var world = world();
        UUID budget = BUDGETS.create(world.tenant(), world.app(), world.chatModel(), "0.001", "DOWNGRADE", world.mockModel());
        SEEDER.jdbc().sql("update subscriptions set max_tokens_per_request = 100"
                        + " where app_id = ? and model_id = (select id from models where name = ?)")
                .params(world.app(), world.mockModel()).update();
        awaitBudget(world.tenant(), budget);
        awaitSnapshot(s -> s.model(world.mockModel()).flatMap(m -> s.approvedSubscription(world.app(), m.id()))
                .filter(sub -> sub.limits().maxTokensPerRequest().isPresent()).isPresent());
        String asksFor500 = "{\"model\":\"" + world.chatModel() + "\",\"max_tokens\":500,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Spend some of my budget\"}]}";

        var beforeTheBudgetIsSpent = send(request(baseUrl(), world.key().plaintext(), asksFor500));
        var downgraded = send(request(baseUrl(), world.key().plaintext(), asksFor500));
        var withinTheCheaperLimit = send(request(baseUrl(), world.key().plaintext(), asksFor500.replace("500", "50")));

        assertThat(beforeTheBudgetIsSpent.statusCode()).as("the requested model has no per-request maximum").isEqualTo(200);
        assertThat(downgraded.statusCode()).isEqualTo(400);
        assertThat(downgraded.body()).contains("\"code\":\"max_tokens_per_request_exceeded\"", "limit of 100");
        assertThat(withinTheCheaperLimit.statusCode()).isEqualTo(200);
        assertThat(withinTheCheaperLimit.headers().firstValue("x-tollgate-downgraded-from")).hasValue(world.chatModel());
    }

    @Test
    void a_downgrade_to_a_model_the_app_is_not_subscribed_to_is_refused() {
        var world = world();
        String unsubscribed = SEEDER.model(SEEDER.mockProvider("{}"), "mock-gpt", "0.1", "0.1", "0.1");
        UUID budget = BUDGETS.create(world.tenant(), world.app(), world.chatModel(), "0.001", "DOWNGRADE", unsubscribed);
        awaitBudget(world.tenant(), budget);

        assertThat(chat(world.key().plaintext(), world.chatModel(), false).statusCode()).isEqualTo(200);
        var refused = chat(world.key().plaintext(), world.chatModel(), false);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"insufficient_quota\"", "'" + unsubscribed + "' is not available");
    }

    @Test
    void a_replayed_batch_adds_no_spend_and_no_second_alert() throws Exception {
        var world = world();
        UUID budget = BUDGETS.create(world.tenant(), null, null, "1", "ALERT_ONLY", null, 50, 100);
        var first = event(world, "0.6");
        var second = event(world, "0.3");

        assertThat(writer.write(List.of(first))).isEqualTo(1);
        assertThat(writer.write(List.of(first, second))).as("only the new event is inserted").isEqualTo(1);
        assertThat(writer.write(List.of(first, second))).isZero();
        assertThat(writer.write(List.of(second))).isZero();

        assertThat(BUDGETS.spent(budget)).isEqualByComparingTo("0.9");
        assertThat(BUDGETS.alerts(budget)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("threshold_percent", 50);
            assertThat((BigDecimal) alert.get("spent_usd")).isEqualByComparingTo("0.6");
        });
        assertThat(writer.write(List.of(event(world, "0.1")))).isEqualTo(1);
        assertThat(BUDGETS.alerts(budget)).extracting(a -> a.get("threshold_percent")).containsExactly(50, 100);
    }

    private UsageEvent event(World world, String cost) {
        return new UsageEvent(UUID.randomUUID(), Instant.now(), world.tenant(), world.app(), world.key().id(), "CHAT",
                world.chatModel(), world.chatModel(), null, null, null, null, 10, 10, 0, 0, false, new BigDecimal(cost),
                5, null, 200, null, false, "");
    }

    private void awaitBudget(UUID tenant, UUID budget) {
        awaitSnapshot(s -> s.budgets(tenant).stream().anyMatch(b -> b.id().equals(budget)));
    }

    private static BigDecimal chatCost(int requests) {
        return Budgets.CHAT_COST.multiply(BigDecimal.valueOf(requests));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> chat(String key, String model, boolean stream) {
        try {
            return http.send(request(baseUrl(), key, model, stream), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static HttpRequest request(String baseUrl, String key, String model, boolean stream) {
        return request(baseUrl, key, "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Spend some of my budget\"}]}");
    }

    static HttpRequest request(String baseUrl, String key, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
