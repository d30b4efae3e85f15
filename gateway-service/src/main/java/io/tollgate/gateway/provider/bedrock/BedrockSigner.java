package io.tollgate.gateway.provider.bedrock;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.provider.http.RequestHeaders;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs a Bedrock request with the AWS SDK's SigV4 signer (service {@code bedrock}, the provider's region, the
 * gateway's clock) and hands back the headers the signature covers and adds: {@code Host}, {@code Content-Type},
 * {@code X-Amz-Date}, {@code X-Amz-Security-Token} with a session token, {@code Authorization}.
 */
final class BedrockSigner {

    static final String SERVICE = "bedrock";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    BedrockSigner(Clock clock) {
        this.clock = clock;
    }

    Consumer<RequestHeaders> headers(AwsCredentialsIdentity keys, String region, URI uri, byte[] body) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader(HttpHeaderNames.CONTENT_TYPE.toString(), "application/json").build();
        var signed = signer.sign(sign -> sign.identity(keys).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, List<String>> headers = signed.request().headers();
        return signedHeaders -> headers.forEach((name, values) -> signedHeaders.set(name, String.join(",", values)));
    }
}
