"""Articles: ingest (JSON or raw text dump), read, list and delete."""

from __future__ import annotations

import marshmallow as ma
from flask import request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service import linking
from service.api.schemas import ArticleInSchema, ArticlePageSchema, ArticleQuerySchema, ArticleSchema
from service.ingest import NewArticle, ingest_article
from service.store import articles
from service.store.models import Article, get
from service.store.serialize import article_summary
from service.web.cursors import decode_keyset, encode_cursor
from service.web.errors import documents_errors, json_response

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Hindi news articles")

article_in = ArticleInSchema()

REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleInSchema},
        "text/plain": {
            "schema": {"type": "string", "minLength": 1},
            "example": "…article body…\nkeyword, keyword, keyword\nCategory\nhttps://example.com/article",
        },
    },
}


def _read_submission() -> NewArticle:
    mimetype = request.mimetype
    if mimetype == "application/json" or mimetype.endswith("+json"):
        payload = request.get_json(silent=True)
        if payload is None and request.get_data(cache=True).strip() != b"null":
            abort(400, message="Malformed JSON body.", errors={"json": ["Invalid JSON body."]})
        try:
            data = article_in.load(payload)
        except ma.ValidationError as exc:
            abort(422, message="Invalid article.", errors={"json": exc.messages})
        return NewArticle(**data)
    if mimetype == "text/plain":
        try:
            text = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError:
            abort(400, message="The body is not valid UTF-8.", errors={"body": ["Invalid UTF-8."]})
        try:
            data = article_in.load({"text": text})
        except ma.ValidationError as exc:
            abort(422, message="Invalid article.", errors={"body": exc.messages})
        return NewArticle(**data)
    abort(
        415,
        message="Send the article as application/json or as a text/plain raw dump.",
        errors={"headers": {"Content-Type": [f"Unsupported: {mimetype or 'missing'}"]}},
    )


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, ArticlePageSchema)
    @documents_errors(blp, 400)
    @blp.doc(operationId="listArticles")
    def get(self, limit, cursor, from_=None, to=None, q=None):
        """List articles, newest anchor date first"""
        after = decode_keyset("articles", cursor)
        rows, next_key = articles.list_articles(limit=limit, after=after, from_=from_, to=to, q=q)
        next_cursor = encode_cursor("articles", next_key) if next_key else None
        return json_response({"items": [article_summary(a) for a in rows], "next_cursor": next_cursor})

    @blp.doc(requestBody=REQUEST_BODY)
    @blp.response(201, ArticleSchema, description="Stored; Location names the new article")
    @blp.alt_response(200, schema=ArticleSchema, description="Already stored (same url or same text)")
    @documents_errors(blp, 400, 401, 413, 415, 422)
    @blp.doc(operationId="createArticle")
    def post(self):
        """Ingest an article: resolve its dates and extract its claims"""
        submission = _read_submission()
        result = ingest_article(submission)
        article = result.article
        headers = {"Location": url_for("articles.ArticleById", article_id=article.id)}
        payload = articles.article_dict(article, dates=result.dates, claims=result.claims)
        return json_response(payload, 201 if result.created else 200, headers)


@blp.route("/<int:article_id>")
class ArticleById(MethodView):
    @blp.response(200, ArticleSchema)
    @documents_errors(blp, 404)
    @blp.doc(operationId="getArticle")
    def get(self, article_id):
        """Get one article with its dates and claims"""
        return json_response(articles.article_dict(get(Article, article_id)))

    @blp.response(204)
    @documents_errors(blp, 401, 404)
    @blp.doc(operationId="deleteArticle")
    def delete(self, article_id):
        """Delete an article with its dates and claims"""
        articles.delete_article(article_id, unlink=linking.refresh)
