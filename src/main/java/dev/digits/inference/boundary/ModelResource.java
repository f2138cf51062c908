package dev.digits.inference.boundary;

import dev.digits.inference.control.AnswerEncoder;
import dev.digits.inference.control.EncodedAnswer;
import dev.digits.inference.control.ImageInput;
import dev.digits.inference.control.InferenceRequest;
import dev.digits.inference.control.ModelSignature;
import dev.digits.recognition.control.Recognizer;
import dev.digits.recognition.entity.Recognition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The Open Inference Protocol's model endpoints, with or without a version in the path: metadata,
 * readiness, and inference (public at /v2/models/...; RouteFilter forwards them here).
 */
@Path("v2/models/{model}")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ModelResource {
  @Inject Recognizer recognizer;

  @GET
  public ModelMetadata metadata(@PathParam("model") String model) {
    return ModelMetadata.of(recognizer.modelName(model));
  }

  @GET
  @Path("versions/{version}")
  public ModelMetadata metadata(
      @PathParam("model") String model, @PathParam("version") String version) {
    ModelSignature.checkVersion(model, version);
    return metadata(model);
  }

  /** 200 when the model can answer, 503 while the models load or after they failed to. */
  @GET
  @Path("ready")
  public Response ready(@PathParam("model") String model) {
    if (!recognizer.state().isReady()) {
      return Response.status(503).entity(new ModelReady(model, false)).build();
    }
    return Response.ok(new ModelReady(recognizer.modelName(model), true)).build();
  }

  @GET
  @Path("versions/{version}/ready")
  public Response ready(@PathParam("model") String model, @PathParam("version") String version) {
    ModelSignature.checkVersion(model, version);
    return ready(model);
  }

  @POST
  @Path("infer")
  @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  public Response infer(@PathParam("model") String model, InferenceRequest request) {
    List<Recognition> results =
        request.image() instanceof ImageInput.Mnist mnist
            ? recognizer.classify(mnist.images(), model)
            : recognizer.recognizeAll(
                PictureElements.decode(((ImageInput.Pictures) request.image()).pictures()), model);
    EncodedAnswer answer =
        AnswerEncoder.encode(
            results.get(0).model(),
            ModelSignature.VERSION,
            request.id(),
            results.stream().map(Recognition::prediction).toList(),
            request.outputs());
    return answer.hasBinary()
        ? Response.ok(answer.body(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
            .header(InferenceRequestReader.HEADER_LENGTH, answer.jsonLength())
            .build()
        : Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @POST
  @Path("versions/{version}/infer")
  @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  public Response infer(
      @PathParam("model") String model,
      @PathParam("version") String version,
      InferenceRequest request) {
    ModelSignature.checkVersion(model, version);
    return infer(model, request);
  }
}
