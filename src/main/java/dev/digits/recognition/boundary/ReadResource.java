package dev.digits.recognition.boundary;

import dev.digits.image.EncodedImage;
import dev.digits.reading.NumberReader;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Reads whole numbers: a row of handwritten digits in one picture, such as a year or an amount. */
@Path("v1/read")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ReadResource {
  @Inject Recognizer recognizer;

  @POST
  @Operation(
      summary =
          "Read the number in one picture: a row of up to " + NumberReader.MAX_DIGITS + " digits",
      description =
          "Body: any form POST /api/v1/predict takes. Answers the digits as text (\"007\" keeps its"
              + " zeros), the confidence of the whole reading, and per digit its probabilities, its box in"
              + " the picture's pixels and the 28x28 input the model saw. 422 for a blank picture, more"
              + " than "
              + NumberReader.MAX_DIGITS
              + " digits, or ink that is no row of digits.")
  public NumberResponse read(
      @Parameter(description = "ann, cnn (default) or ensemble") @QueryParam("model") String model,
      EncodedImage image) {
    return NumberResponse.of(recognizer.read(image, model));
  }

  @POST
  @Path("batch")
  @Operation(
      summary = "Read the numbers in up to " + ApiLimits.MAX_BATCH + " pictures",
      description =
          "Body: {\"images\": [\"<data URL or base64>\", ...]}. Answers the readings in order.")
  public List<NumberResponse> batch(@QueryParam("model") String model, ImageBatch batch) {
    return recognizer.readAll(batch.images(), model).stream().map(NumberResponse::of).toList();
  }
}
