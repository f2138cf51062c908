package dev.digits.reading;

import dev.digits.model.Prediction;

/**
 * A candidate digit with the model's answer for it, the 28x28 input that answer came from, and what
 * the reader knows of it ({@link SegmentFeatures}).
 */
record Scored(Candidate candidate, Prediction prediction, float[] mnist, double[] features) {}
