<% request.setAttribute("pageTitle", "Error"); %>
<%@ include file="header.jspf" %>
<h1>Something went wrong</h1>
<p>The request could not be answered. <a href="${pageContext.request.contextPath}/">Back to the canvas</a>.</p>
<%@ include file="footer.jspf" %>
