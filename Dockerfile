# Container image for the worker (the service only; the embedded broker is for development).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY worker ./worker
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 ingest
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER 10001
ENV INGEST_METRICS_HOST=0.0.0.0 \
    INGEST_LOG_FORMAT=json \
    PYTHONUNBUFFERED=1
EXPOSE 9108
STOPSIGNAL SIGTERM
ENTRYPOINT ["news-ingest"]
CMD ["run"]
