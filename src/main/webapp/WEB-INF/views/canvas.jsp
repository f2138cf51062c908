<% request.setAttribute("pageTitle", "Draw a digit"); %>
<%@ include file="header.jspf" %>
<h1 id="title">Draw a digit</h1>
<div class="workspace" id="workspace">
  <section class="draw" aria-label="Drawing area">
    <%@ include file="mode-switch.jspf" %>
    <div class="pad-wrap">
      <canvas id="pad" class="pad" role="img" aria-label="Drawing canvas: draw one digit, or a number in number mode, with the mouse, a finger or a pen" tabindex="0"></canvas>
      <canvas id="boxes" class="boxes" aria-hidden="true"></canvas>
    </div>
    <div class="controls">
      <button type="button" id="predict" class="primary">Predict</button>
      <button type="button" id="undo">Undo</button>
      <button type="button" id="clear">Clear</button>
    </div>
    <div class="controls">
      <label for="model">Model</label>
      <select id="model">
        <option value="cnn" selected>CNN</option>
        <option value="ann">ANN</option>
        <option value="both">Both</option>
        <option value="ensemble">Ensemble</option>
      </select>
      <label class="check"><input type="checkbox" id="live" checked> Live prediction</label>
    </div>
    <p class="hint" id="hint">Anywhere on the canvas, any size. Keys: Enter predicts, Backspace undoes, Escape clears.</p>
  </section>
  <%@ include file="result-panel.jspf" %>
</div>
<script type="module" src="${pageContext.request.contextPath}/static/canvas.js"></script>
<%@ include file="footer.jspf" %>
