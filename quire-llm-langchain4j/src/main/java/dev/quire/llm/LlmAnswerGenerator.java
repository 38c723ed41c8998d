package dev.quire.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.AnswerGenerator;
import dev.quire.spi.answer.AnswerRequest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An {@link AnswerGenerator} over any LangChain4j chat model. The model sees only the offered
 * passages, the conversation and the rules; its output is checked, not trusted: citation markers
 * naming passages that were not offered are removed, and with general knowledge off an answer
 * left without any valid citation is replaced by {@link #NOT_FOUND_TEXT} and marked ungrounded,
 * because an uncited answer there is either the model's own knowledge (which the mode forbids)
 * or something the user cannot check against a document.
 */
public final class LlmAnswerGenerator implements AnswerGenerator {
    public static final String NOT_FOUND_TEXT =
            "I couldn't find an answer to that in the documents available to you.";
    public static final int DEFAULT_MAX_PROMPT_CHARS = 24_000;
    public static final int MIN_PROMPT_CHARS = 1_000;

    private static final long STREAM_WAIT_MINUTES = 10; // a backstop; the model client has its own timeout
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final int maxPromptChars;
    private final Supplier<String> boundaries;

    /**
     * @param name           for logs and the admin API, e.g. "openai:llama3"
     * @param streamingModel may be null: streaming then emits the finished answer once
     * @param maxPromptChars the prompt budget in characters; passages are cut to fit it
     */
    public LlmAnswerGenerator(String name, ChatModel chatModel, StreamingChatModel streamingModel, int maxPromptChars) {
        this(name, chatModel, streamingModel, maxPromptChars,
                () -> HexFormat.of().formatHex(randomBytes()));
    }

    public LlmAnswerGenerator(String name, ChatModel chatModel) {
        this(name, chatModel, null, DEFAULT_MAX_PROMPT_CHARS);
    }

    LlmAnswerGenerator(String name, ChatModel chatModel, StreamingChatModel streamingModel, int maxPromptChars,
                       Supplier<String> boundaries) {
        this.name = Objects.requireNonNull(name, "name");
        this.chatModel = Objects.requireNonNull(chatModel, "chatModel");
        this.streamingModel = streamingModel;
        if (maxPromptChars < MIN_PROMPT_CHARS) {
            throw new IllegalArgumentException("maxPromptChars must be at least " + MIN_PROMPT_CHARS + ", was "
                    + maxPromptChars);
        }
        this.maxPromptChars = maxPromptChars;
        this.boundaries = boundaries;
    }

    @Override
    public String name() {
        return name;
    }

    public int maxPromptChars() {
        return maxPromptChars;
    }

    @Override
    public Answer generate(AnswerRequest request) {
        PromptBuilder.Prompt prompt = PromptBuilder.build(request, maxPromptChars, boundaries.get());
        AnswerAssembler assembler = new AnswerAssembler(name, prompt, request.allowGeneralKnowledge(), text -> { });
        if (shortCircuit(prompt, request)) {
            return assembler.finish();
        }
        ChatResponse response = call(() -> chatModel.chat(ChatRequest.builder().messages(prompt.messages()).build()));
        assembler.accept(response.aiMessage() == null ? null : response.aiMessage().text());
        return assembler.finish();
    }

    @Override
    public Answer generateStreaming(AnswerRequest request, Consumer<String> onText) {
        if (streamingModel == null) {
            return AnswerGenerator.super.generateStreaming(request, onText);
        }
        PromptBuilder.Prompt prompt = PromptBuilder.build(request, maxPromptChars, boundaries.get());
        AnswerAssembler assembler = new AnswerAssembler(name, prompt, request.allowGeneralKnowledge(), onText);
        if (shortCircuit(prompt, request)) {
            return assembler.finish();
        }
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streamingModel.chat(ChatRequest.builder().messages(prompt.messages()).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String partial) {
                        assembler.accept(partial);
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
        call(() -> {
            try {
                return done.get(STREAM_WAIT_MINUTES, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException(e);
            } catch (TimeoutException e) {
                throw new RuntimeException("no end of stream after " + STREAM_WAIT_MINUTES + " minutes", e);
            }
        });
        return assembler.finish();
    }

    /** With nothing offered and general knowledge off there is nothing to ask the model. */
    private boolean shortCircuit(PromptBuilder.Prompt prompt, AnswerRequest request) {
        return prompt.offered().isEmpty() && !request.allowGeneralKnowledge();
    }

    private <T> T call(Supplier<T> modelCall) {
        try {
            return modelCall.get();
        } catch (RuntimeException e) {
            throw new LlmAnswerException("answer generation by " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The model provider failed (unreachable, refused, timed out); carries the provider's message. */
    public static final class LlmAnswerException extends RuntimeException {
        LlmAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
