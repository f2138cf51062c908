package dev.digits.reading;

import java.util.List;
import java.util.Map;

/**
 * A picture's ink made ready to read: its atoms left to right, the digits' height, the pen's width,
 * and what the model already read of whole strokes (by identity), so no piece is read twice.
 */
record Row(List<Atom> atoms, double digitHeight, double penWidth, Map<Piece, ReadPiece> read) {}
