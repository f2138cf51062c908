package dev.digits.recognition.entity;

import dev.digits.reading.NumberReading;

/**
 * A number read from one picture: which model read its digits, and the reading, boxes in the
 * picture's pixels.
 */
public record NumberRecognition(String model, NumberReading reading) {}
