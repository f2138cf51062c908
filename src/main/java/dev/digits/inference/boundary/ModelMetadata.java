package dev.digits.inference.boundary;

import dev.digits.inference.control.ModelSignature;
import dev.digits.inference.control.TensorMetadata;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The answer to GET /v2/models/{model} ($metadata_model_response). */
@JsonbPropertyOrder({"name", "versions", "platform", "inputs", "outputs"})
public record ModelMetadata(
    String name,
    List<String> versions,
    String platform,
    List<TensorMetadata> inputs,
    List<TensorMetadata> outputs) {
  public ModelMetadata {
    versions = List.copyOf(versions);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  static ModelMetadata of(String model) {
    return new ModelMetadata(
        model,
        List.of(ModelSignature.VERSION),
        ModelSignature.platform(model),
        ModelSignature.INPUTS,
        ModelSignature.OUTPUTS);
  }
}
