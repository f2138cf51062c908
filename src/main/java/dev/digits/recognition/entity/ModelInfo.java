package dev.digits.recognition.entity;

/**
 * What the API tells about a model, taken from its model card; {@code temperature} and {@code
 * lowConfidenceBelow} are its calibration (null for a card without one).
 */
public record ModelInfo(
    String name,
    String architecture,
    long parameters,
    Double testAccuracy,
    Integer epochs,
    Double trainingSeconds,
    String trainedAt,
    Double temperature,
    Double lowConfidenceBelow) {}
