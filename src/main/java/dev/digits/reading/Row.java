package dev.digits.reading;

import java.util.List;

/**
 * A picture's ink made ready to read: its atoms left to right, the digits' height and the pen's
 * width.
 */
record Row(List<Atom> atoms, double digitHeight, double penWidth) {}
