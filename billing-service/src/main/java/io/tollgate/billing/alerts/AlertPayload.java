package io.tollgate.billing.alerts;

import io.tollgate.model.webhook.WebhookEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The JSON body of a budget alert webhook: {"id", "type": "budget.threshold", "createdAt", "data": {...}}. */
@Component
class AlertPayload {

    private final JsonMapper json;

    AlertPayload(JsonMapper json) {
        this.json = json;
    }

    String json(PendingAlert alert) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", alert.tenantId().toString());
        data.put("budgetId", alert.budgetId().toString());
        data.put("scope", alert.scope());
        data.put("appId", alert.appId() == null ? null : alert.appId().toString());
        data.put("modelId", alert.modelId() == null ? null : alert.modelId().toString());
        data.put("period", alert.period());
        data.put("periodStart", alert.periodStart().toString());
        data.put("thresholdPercent", alert.thresholdPercent());
        data.put("spentUsd", alert.spentUsd().toPlainString());
        data.put("budgetUsd", alert.budgetUsd().toPlainString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", alert.id().toString());
        event.put("type", WebhookEvents.BUDGET_THRESHOLD);
        event.put("createdAt", alert.createdAt().toInstant().toString());
        event.put("data", data);
        return json.writeValueAsString(event);
    }
}
