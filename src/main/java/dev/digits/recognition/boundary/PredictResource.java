package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.recognition.control.Recognizer;
import dev.digits.recognition.entity.ModelInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The JSON API for new clients: one image, a batch, and the list of models. */
@Path("v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PredictResource {
  @Inject Recognizer recognizer;

  @POST
  @Path("predict")
  @Operation(
      summary = "Recognise the digit in one image",
      description =
          "Body: a data URL, base64, a JSON string or {\"image\": ...}, raw PNG/JPEG/GIF/BMP bytes, or a"
              + " multipart upload. Answers the digit, its probability, all ten probabilities and the 28x28 input.")
  public PredictionResponse predict(
      @Parameter(description = "ann, cnn (default) or ensemble") @QueryParam("model") String model,
      EncodedImage image) {
    return PredictionResponse.of(recognizer.recognize(image, model));
  }

  @POST
  @Path("predict/batch")
  @Operation(
      summary = "Recognise up to " + BatchPayload.MAX_IMAGES + " images in one call",
      description =
          "Body: {\"images\": [\"<data URL or base64>\", ...]}. Answers the predictions in order.")
  public List<PredictionResponse> batch(@QueryParam("model") String model, ImageBatch batch) {
    return recognizer.recognizeAll(batch.images(), model).stream()
        .map(PredictionResponse::of)
        .toList();
  }

  @GET
  @Path("models")
  @Operation(summary = "The models and the facts of their model cards")
  public List<ModelInfo> models() {
    return recognizer.models();
  }
}
