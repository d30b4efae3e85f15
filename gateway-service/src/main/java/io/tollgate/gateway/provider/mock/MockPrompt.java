package io.tollgate.gateway.provider.mock;

/** The prompt of a mock call and its token count. */
record MockPrompt(String text, int tokens) {
}
