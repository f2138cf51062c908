package dev.digits.inference.boundary;

/** The answer to GET /v2/health/live. */
public record ServerLive(boolean live) {}
