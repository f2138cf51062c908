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

/** The JSON API for new clients: one image, a batch, and the list of models. */
@Path("v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PredictResource {
  @Inject Recognizer recognizer;

  @POST
  @Path("predict")
  public PredictionResponse predict(@QueryParam("model") String model, EncodedImage image) {
    return PredictionResponse.of(recognizer.recognize(image, model));
  }

  @POST
  @Path("predict/batch")
  public List<PredictionResponse> batch(@QueryParam("model") String model, ImageBatch batch) {
    return recognizer.recognizeAll(batch.images(), model).stream()
        .map(PredictionResponse::of)
        .toList();
  }

  @GET
  @Path("models")
  public List<ModelInfo> models() {
    return recognizer.models();
  }
}
