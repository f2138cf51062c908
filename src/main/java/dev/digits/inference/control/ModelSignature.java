package dev.digits.inference.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What every model takes and gives, for model metadata, and the one version each has. The input is
 * described in its canonical form, FP32 {@code [-1,28,28]}; it also takes the other shapes and
 * datatypes {@link ImageShape} lists.
 */
public final class ModelSignature {
  /** The models are not versioned: each has one version, which the version paths accept. */
  public static final String VERSION = "1";

  /** Information only, as the spec says, in its {@code <project>_<format>} form. */
  private static final Map<String, String> PLATFORMS =
      Map.of("ann", "digits_annbin", "cnn", "dl4j_zip", "ensemble", "ensemble");

  public static final List<TensorMetadata> INPUTS =
      List.of(
          new TensorMetadata(
              "image", Datatype.FP32.name(), new long[] {-1, ImageShape.SIDE, ImageShape.SIDE}));

  public static final List<TensorMetadata> OUTPUTS =
      Arrays.stream(Output.values())
          .map(o -> new TensorMetadata(o.tensorName(), o.datatype().name(), o.shape(-1)))
          .toList();

  private ModelSignature() {}

  public static String platform(String model) {
    return PLATFORMS.getOrDefault(model, "digits");
  }

  /** Refuses any version but the one there is. */
  public static void checkVersion(String model, String version) {
    if (!VERSION.equals(version)) {
      throw new InferenceException(
          InferenceException.Reason.NOT_FOUND,
          "model '" + model + "' has no version '" + version + "': its one version is " + VERSION);
    }
  }
}
