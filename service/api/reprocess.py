"""Re-run extraction on a stored article; manual claims and corrected fields survive."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.schemas import ArticleSchema
from service.reprocess import reprocess_article
from service.store.articles import article_dict
from service.web.errors import documents_errors, json_response

blp = Blueprint("reprocess", __name__, url_prefix="/v1/articles", description="Hindi news articles")


@blp.route("/<int:article_id>/reprocess")
class Reprocess(MethodView):
    @blp.response(200, ArticleSchema)
    @documents_errors(blp, 401, 404)
    @blp.doc(operationId="reprocessArticle")
    def post(self, article_id):
        """Re-extract an article's dates and claims with the current extractor"""
        return json_response(article_dict(reprocess_article(article_id)))
