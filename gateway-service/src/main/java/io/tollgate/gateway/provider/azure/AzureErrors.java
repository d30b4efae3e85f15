package io.tollgate.gateway.provider.azure;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.openai.OpenAiErrorMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Azure's error answers: OpenAI's shape, plus content-filter refusals (a 400 whose {@code error.code} is
 * {@code content_filter} or whose {@code error.innererror.code} is {@code ResponsibleAIPolicyViolation}), which reach
 * the client as a 400 {@code content_filter} with Azure's words rather than as a generic rejected request.
 */
final class AzureErrors {

    static final String CONTENT_FILTER = "content_filter";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AzureErrors() {
    }

    static Rejection rejection(UpstreamHttp.Answer answer) {
        String message = OpenAiErrorMessage.of(answer.body()).orElse(null);
        if (answer.status() == 400 && contentFiltered(answer.body())) {
            return Rejection.invalidRequest("messages", CONTENT_FILTER,
                    "The provider's content filter blocked this request: "
                            + (message == null ? "it violates the deployment's content policy." : message));
        }
        return UpstreamErrors.fromStatus(answer.status(), message, answer.headers().get(HttpHeaderNames.RETRY_AFTER));
    }

    private static boolean contentFiltered(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return CONTENT_FILTER.equals(error.path("code").asString(""))
                    || "ResponsibleAIPolicyViolation".equals(error.path("innererror").path("code").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }
}
