package dev.digits.inference.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to GET /v2/models/{model}/ready. */
@JsonbPropertyOrder({"name", "ready"})
public record ModelReady(String name, boolean ready) {}
