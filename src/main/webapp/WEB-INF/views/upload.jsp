<% request.setAttribute("pageTitle", "Upload a picture"); request.setAttribute("initialStatus", "Choose a picture, then press Predict."); %>
<%@ include file="header.jspf" %>
<h1 id="title">Upload a picture of a digit</h1>
<div class="workspace" id="workspace">
  <section class="draw" aria-label="Picture">
    <%@ include file="mode-switch.jspf" %>
    <label for="picture" id="drop" class="drop" tabindex="0">
      <span>Choose a file, drop it here, or paste an image (PNG, JPEG, GIF or BMP, up to 10 MiB): one digit, or in number mode a number written on one line, a photo of paper too</span>
      <span class="preview-wrap">
        <img id="preview" class="preview" alt="Preview of the chosen picture" hidden>
        <canvas id="boxes" class="boxes" aria-hidden="true"></canvas>
      </span>
    </label>
    <input type="file" id="picture" name="picture" accept="image/png,image/jpeg,image/gif,image/bmp" class="visually-hidden">
    <div class="controls">
      <label for="model">Model</label>
      <select id="model">
        <option value="cnn" selected>CNN</option>
        <option value="ann">ANN</option>
        <option value="both">Both</option>
        <option value="ensemble">Ensemble</option>
      </select>
      <button type="button" id="btn" class="primary">Predict</button>
    </div>
  </section>
  <%@ include file="result-panel.jspf" %>
</div>
<script type="module" src="${pageContext.request.contextPath}/static/upload.js"></script>
<%@ include file="footer.jspf" %>
