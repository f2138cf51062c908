package dev.digits.inference.boundary;

/** The answer to GET /v2/health/ready: whether the models are loaded. */
public record ServerReady(boolean ready) {}
