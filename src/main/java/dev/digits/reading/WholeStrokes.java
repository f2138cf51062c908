package dev.digits.reading;

import dev.digits.image.InkImage;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a row's wide strokes are one digit beyond doubt, so that they need not be cut: the model
 * reads the whole stroke with near certainty as a digit whose usual shape it has. Cutting costs a
 * model call per candidate made of the parts, and most wide strokes are one 0, 2 or 6; two touching
 * digits read as one rarely have both the certainty and the shape.
 */
final class WholeStrokes {
  /** Per stroke, whether it is one digit beyond doubt. */
  final boolean[] whole;

  /** What the model read of each stroke it was asked about, by the stroke's index. */
  final Map<Integer, ReadPiece> read = new HashMap<>();

  private WholeStrokes(int strokes) {
    whole = new boolean[strokes];
  }

  /** Asks the model about the strokes wide enough to be cut; narrower ones are never whole here. */
  static WholeStrokes of(
      InkImage picture,
      List<Piece> strokes,
      double digitHeight,
      DigitClassifier classifier,
      Tuning tuning) {
    WholeStrokes out = new WholeStrokes(strokes.size());
    List<Integer> asked = new ArrayList<>();
    for (int s = 0; s < strokes.size(); s++) {
      if (Oversegmenter.mayBeSeveral(strokes.get(s), digitHeight, tuning)) {
        asked.add(s);
      }
    }
    List<ReadPiece> read =
        DigitCrop.read(
            picture,
            asked.stream().map(strokes::get).toList(),
            classifier,
            (float) tuning.threshold());
    for (int i = 0; i < read.size(); i++) {
      Piece stroke = strokes.get(asked.get(i));
      Prediction p = Prediction.of(read.get(i).probabilities());
      out.read.put(asked.get(i), read.get(i));
      out.whole[asked.get(i)] =
          p.confidence() >= tuning.wholeConfidence()
              && ShapePrior.aspectZ(p.digit(), stroke.width(), stroke.height())
                  <= tuning.wholeWidth();
    }
    return out;
  }
}
