package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.recognition.control.Recognizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Reads whole numbers: a row of handwritten digits in one picture, such as a year or an amount. */
@Path("v1/read")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ReadResource {
  @Inject Recognizer recognizer;

  @POST
  public NumberResponse read(@QueryParam("model") String model, EncodedImage image) {
    return NumberResponse.of(recognizer.read(image, model));
  }

  @POST
  @Path("batch")
  public List<NumberResponse> batch(@QueryParam("model") String model, ImageBatch batch) {
    return recognizer.readAll(batch.images(), model).stream().map(NumberResponse::of).toList();
  }
}
