<% request.setAttribute("pageTitle", "Not found"); %>
<%@ include file="header.jspf" %>
<h1>Page not found</h1>
<p>There is nothing at this address. <a href="${pageContext.request.contextPath}/">Draw a digit</a> instead.</p>
<%@ include file="footer.jspf" %>
