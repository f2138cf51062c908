package dev.digits.inference.control;

/** One output a request asks for ($request_output); {@code binary} is null where not said. */
record OutputRequest(String name, Boolean binary) {}
