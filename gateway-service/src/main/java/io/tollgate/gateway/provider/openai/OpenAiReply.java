package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.UpstreamErrors;

/** A complete answer in OpenAI's wire format (OpenAI, Azure, the mock) as the gateway's reply. */
public final class OpenAiReply {

    private OpenAiReply() {
    }

    /** The reply with the usage its body reports; a body that is no JSON object fails as an invalid response. */
    public static ProviderReply of(byte[] body) {
        var usage = OpenAiUsageReader.parse(body);
        if (usage.malformed()) {
            throw UpstreamErrors.invalidResponse();
        }
        return ProviderReply.of(body, usage.usage(), () -> OpenAiStreamTranslator.generatedText(body));
    }
}
