package dev.quire.llm;

import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockStreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Amazon Bedrock through the Converse API. Credentials come from the AWS default chain
 * (environment, profile, container or instance role) unless a static key pair is configured;
 * endpoint overrides the regional endpoint (tests, VPC endpoints).
 */
final class BedrockProviderFactory implements LlmProviderFactory {
    static final String NAME = "bedrock";
    static final String REGION = "region";
    static final String ENDPOINT = "endpoint";
    static final String ACCESS_KEY_ID = "aws-access-key-id";
    static final String SECRET_ACCESS_KEY = "aws-secret-access-key";
    static final String SESSION_TOKEN = "aws-session-token";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> propertyNames() {
        Set<String> names = new HashSet<>(ProviderProperties.COMMON);
        names.addAll(Set.of(REGION, ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN));
        return Set.copyOf(names);
    }

    @Override
    public Set<String> secretPropertyNames() {
        return Set.of(SECRET_ACCESS_KEY, SESSION_TOKEN);
    }

    @Override
    public LlmAnswerGenerator create(Map<String, String> properties) {
        ProviderProperties p = new ProviderProperties(this, properties);
        Region region = Region.of(p.required(REGION));
        String modelId = p.required(ProviderProperties.MODEL);
        String endpoint = p.url(ENDPOINT, false);
        AwsCredentialsProvider credentials = credentials(p);
        Duration timeout = p.timeout();
        ChatRequestParameters parameters = ChatRequestParameters.builder().modelName(modelId)
                .temperature(p.temperature())
                .maxOutputTokens(p.positiveInt(ProviderProperties.MAX_TOKENS, null)).build();
        int maxPromptChars = p.maxPromptChars();
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder().apiCallTimeout(timeout).build();

        var syncClient = BedrockRuntimeClient.builder().region(region).credentialsProvider(credentials)
                .overrideConfiguration(override);
        if (endpoint != null) {
            syncClient.endpointOverride(URI.create(endpoint));
        }
        BedrockChatModel chat = BedrockChatModel.builder().client(syncClient.build()).modelId(modelId)
                .defaultRequestParameters(parameters).build();

        BedrockStreamingChatModel streaming = null;
        if (p.flag(ProviderProperties.STREAMING, true)) {
            var asyncClient = BedrockRuntimeAsyncClient.builder().region(region).credentialsProvider(credentials)
                    .overrideConfiguration(override);
            if (endpoint != null) {
                asyncClient.endpointOverride(URI.create(endpoint));
                if (endpoint.startsWith("http:")) {
                    // The SDK speaks HTTP/2 to Bedrock by default, which over cleartext means
                    // prior-knowledge h2c that local stand-ins and most proxies do not accept;
                    // ConverseStream works over HTTP/1.1.
                    asyncClient.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
                }
            }
            streaming = BedrockStreamingChatModel.builder().client(asyncClient.build()).modelId(modelId)
                    .defaultRequestParameters(parameters).build();
        }
        return new LlmAnswerGenerator("bedrock:" + modelId, chat, streaming, maxPromptChars);
    }

    private static AwsCredentialsProvider credentials(ProviderProperties p) {
        String keyId = p.optional(ACCESS_KEY_ID);
        String secret = p.optional(SECRET_ACCESS_KEY);
        String token = p.optional(SESSION_TOKEN);
        if (keyId == null && secret == null && token == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (keyId == null) {
            throw p.error("missing required property '" + ACCESS_KEY_ID + "' (static credentials need both keys)");
        }
        if (secret == null) {
            throw p.error("missing required property '" + SECRET_ACCESS_KEY + "' (static credentials need both keys)");
        }
        return StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token));
    }
}
