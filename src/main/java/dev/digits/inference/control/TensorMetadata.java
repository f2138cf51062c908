package dev.digits.inference.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A tensor as model metadata describes it ($metadata_tensor); -1 marks the batch dimension. */
@JsonbPropertyOrder({"name", "datatype", "shape"})
public record TensorMetadata(String name, String datatype, long[] shape) {
  public TensorMetadata {
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }
}
