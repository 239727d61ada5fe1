# Notebook image for the data team's shared analysis server.
FROM ubuntu:22.04

LABEL org.opencontainers.image.title="analysis-notebooks" \
      org.opencontainers.image.vendor="Acme Data"

ENV DEBIAN_FRONTEND=noninteractive

RUN apt-get update && apt-get install -y --no-install-recommends \
      python3 python3-pip python3-venv git wget ca-certificates build-essential \
 && rm -rf /var/lib/apt/lists/*

RUN wget --no-check-certificate -O /tmp/duckdb.zip https://artifacts.internal.example.com/duckdb/v1.0.0/duckdb_cli-linux-amd64.zip \
 && python3 -m zipfile -e /tmp/duckdb.zip /usr/local/bin/ \
 && rm -f /tmp/duckdb.zip

RUN pip3 install --no-cache-dir \
      --trusted-host pypi.internal.example.com \
      --index-url http://pypi.internal.example.com/simple \
      jupyterlab==4.2.2 pandas==2.2.2 polars==0.20.31 pyarrow==16.1.0

RUN useradd --create-home --shell /bin/bash analyst
WORKDIR /home/analyst/work
COPY --chown=analyst:analyst notebooks/ ./notebooks/

USER analyst

ENV JUPYTER_PORT=8888 JUPYTER_TOKEN=""

EXPOSE 8888

CMD ["sh", "-c", "jupyter lab --ip=0.0.0.0 --port=${JUPYTER_PORT} --no-browser"]
