package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.provider.openai.OpenAiUsageReader.Parsed;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * What {@link UsageScanner} is checked and measured against: the request path's Jackson parser, reading the first
 * top-level usage object and stopping there, or reading to the end of the object when there is none.
 */
final class JacksonUsageReference {

    private JacksonUsageReference() {
    }

    static Parsed parse(byte[] json) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Parsed.MALFORMED;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("usage") && value == JsonToken.START_OBJECT) {
                    return new Parsed(Optional.of(OpenAiUsageReader.usage(parser)), false);
                }
                parser.skipChildren();
            }
            return parser.currentToken() == JsonToken.END_OBJECT ? Parsed.NO_USAGE : Parsed.MALFORMED;
        } catch (JacksonException | IllegalArgumentException e) {
            return Parsed.MALFORMED;
        }
    }
}
