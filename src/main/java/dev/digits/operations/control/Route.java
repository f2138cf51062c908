package dev.digits.operations.control;

/**
 * The recognition routes metrics are kept for, by the template a label names (never the raw path,
 * whose variety is unbounded), and how each names its model.
 */
public enum Route {
  DIGIT("/digit/"),
  DIGIT_CNN("/digit/cnn/"),
  PREDICT("/api/v1/predict"),
  PREDICT_BATCH("/api/v1/predict/batch"),
  READ("/api/v1/read"),
  READ_BATCH("/api/v1/read/batch"),
  INFER("/v2/models/{model}/infer"),
  INFER_VERSION("/v2/models/{model}/versions/{version}/infer");

  private static final String MODELS = "/v2/models/";
  private static final String VERSIONS = "/versions/";
  private static final String INFER_SUFFIX = "/infer";

  private final String template;

  Route(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }

  /**
   * The route of a request, by its method and its path within the app, as the client sent it or as
   * RouteFilter forwarded it (/api/legacy/..., /api/v2/...); null for any other request.
   */
  public static Route of(String method, String path) {
    switch (path) {
      case "/api/v1/predict":
        return PREDICT;
      case "/api/v1/predict/batch":
        return PREDICT_BATCH;
      case "/api/v1/read":
        return READ;
      case "/api/v1/read/batch":
        return READ_BATCH;
      default:
        break;
    }
    if (path.startsWith("/v2/") || path.startsWith("/api/v2/")) {
      return infer(path, path.charAt(1) == 'a' ? 4 : 0);
    }
    return method.equals("GET") || method.equals("HEAD") ? null : legacy(path);
  }

  /** The old app's routes: every method but GET and HEAD goes to the models (RouteFilter). */
  private static Route legacy(String path) {
    return switch (path) {
      case "/", "/digit", "/digit/", "/api/legacy/ann" -> DIGIT;
      case "/cnn", "/cnn/", "/digit/cnn", "/digit/cnn/", "/api/legacy/cnn" -> DIGIT_CNN;
      default -> null;
    };
  }

  private static Route infer(String path, int from) {
    int model = from + MODELS.length();
    int end = path.indexOf('/', model);
    if (!path.startsWith(MODELS, from) || end <= model) {
      return null;
    }
    if (path.length() == end + INFER_SUFFIX.length() && path.startsWith(INFER_SUFFIX, end)) {
      return INFER;
    }
    int version = end + VERSIONS.length();
    int versionEnd = path.indexOf('/', version);
    boolean versioned =
        path.startsWith(VERSIONS, end)
            && versionEnd > version
            && path.length() == versionEnd + INFER_SUFFIX.length()
            && path.startsWith(INFER_SUFFIX, versionEnd);
    return versioned ? INFER_VERSION : null;
  }

  /** The model a request to this route names, from its path or its query string. */
  public ModelLabel model(String path, String query) {
    return switch (this) {
      case DIGIT -> ModelLabel.ANN;
      case DIGIT_CNN -> ModelLabel.CNN;
      case INFER, INFER_VERSION -> {
        int start = path.indexOf(MODELS) + MODELS.length();
        yield ModelLabel.of(path, start, path.indexOf('/', start), ModelLabel.DEFAULT);
      }
      case READ, READ_BATCH -> queryModel(query, ModelLabel.READ_DEFAULT);
      default -> queryModel(query, ModelLabel.DEFAULT);
    };
  }

  /** The {@code model} parameter of a query string; {@code defaultModel} where there is none. */
  private static ModelLabel queryModel(String query, ModelLabel defaultModel) {
    if (query == null) {
      return defaultModel;
    }
    int at = query.startsWith("model=") ? 0 : query.indexOf("&model=") + 1;
    if (at == 0 && !query.startsWith("model=")) {
      return defaultModel;
    }
    int start = at + "model=".length();
    int end = query.indexOf('&', start);
    return ModelLabel.of(query, start, end < 0 ? query.length() : end, defaultModel);
  }
}
