package dev.digits.recognition.entity;

/** What the API tells about a model, taken from its model card. */
public record ModelInfo(
    String name,
    String architecture,
    long parameters,
    Double testAccuracy,
    Integer epochs,
    Double trainingSeconds,
    String trainedAt) {}
