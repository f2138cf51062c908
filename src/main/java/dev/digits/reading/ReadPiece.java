package dev.digits.reading;

/** A piece of ink as the model read it: the 28x28 input it saw and its probabilities. */
record ReadPiece(float[] input, float[] probabilities) {}
