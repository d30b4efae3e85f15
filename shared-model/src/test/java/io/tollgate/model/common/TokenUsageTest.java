package io.tollgate.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void cached_tokens_are_part_of_the_prompt_and_reasoning_part_of_the_completion() {
        TokenUsage usage = new TokenUsage(1000, 500, 200, 300);

        assertThat(usage.total()).isEqualTo(1500);
        assertThat(usage.uncachedPromptTokens()).isEqualTo(800);
        assertThat(usage.visibleCompletionTokens()).isEqualTo(200);
    }

    @Test
    void usages_add_up_class_by_class() {
        TokenUsage sum = new TokenUsage(10, 20, 5, 7).plus(new TokenUsage(1, 2, 1, 2));

        assertThat(sum).isEqualTo(new TokenUsage(11, 22, 6, 9));
        assertThat(TokenUsage.ZERO.plus(TokenUsage.of(3, 4))).isEqualTo(new TokenUsage(3, 4, 0, 0));
    }

    @Test
    void negative_counts_are_refused_by_name() {
        assertThatThrownBy(() -> new TokenUsage(-1, 0, 0, 0)).hasMessageContaining("promptTokens");
        assertThatThrownBy(() -> new TokenUsage(0, -1, 0, 0)).hasMessageContaining("completionTokens");
        assertThatThrownBy(() -> new TokenUsage(0, 0, -1, 0)).hasMessageContaining("cachedPromptTokens");
        assertThatThrownBy(() -> new TokenUsage(0, 0, 0, -1)).hasMessageContaining("reasoningTokens");
    }

    @Test
    void cached_cannot_exceed_prompt_and_reasoning_cannot_exceed_completion() {
        assertThatThrownBy(() -> new TokenUsage(10, 0, 11, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cachedPromptTokens (11) cannot exceed promptTokens (10)");
        assertThatThrownBy(() -> new TokenUsage(0, 5, 0, 6))
                .hasMessage("reasoningTokens (6) cannot exceed completionTokens (5)");
    }

    @Test
    void cache_writes_are_prompt_tokens_that_were_not_read_from_the_cache() {
        TokenUsage usage = new TokenUsage(1000, 10, 600, 0, 300);

        assertThat(usage.uncachedPromptTokens()).isEqualTo(400);
        assertThat(usage.plainPromptTokens()).isEqualTo(100);
        assertThat(usage.plus(new TokenUsage(10, 0, 0, 0, 5)).cacheWriteTokens()).isEqualTo(305);
        assertThat(new TokenUsage(10, 0, 0, 0)).isEqualTo(new TokenUsage(10, 0, 0, 0, 0));
        assertThatThrownBy(() -> new TokenUsage(1000, 0, 600, 0, 401))
                .hasMessage("cacheWriteTokens (401) cannot exceed the uncached promptTokens (400)");
        assertThatThrownBy(() -> new TokenUsage(0, 0, 0, 0, -1)).hasMessageContaining("cacheWriteTokens");
    }

    @Test
    void overflowing_sums_fail_instead_of_wrapping() {
        TokenUsage huge = TokenUsage.of(Long.MAX_VALUE, 0);

        assertThatThrownBy(() -> huge.plus(TokenUsage.of(1, 0))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> TokenUsage.of(Long.MAX_VALUE, 1).total()).isInstanceOf(ArithmeticException.class);
    }
}
