#!/usr/bin/env python3
"""Entry point for the report-rendering worker: a FastAPI app plus a Celery queue."""
import os
import shlex
import subprocess
from pathlib import Path

import uvicorn
from celery import Celery
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

BROKER_URL = os.getenv("CELERY_BROKER_URL", "redis://localhost:6379/0")
INTERNAL_API_KEY = os.getenv("INTERNAL_API_KEY")

app = FastAPI(title="report-worker")
celery = Celery("reports", broker=BROKER_URL)
celery.conf.update(
    task_time_limit=600,
    task_soft_time_limit=540,
    worker_max_tasks_per_child=50,
    broker_connection_retry_on_startup=True,
)


class RenderRequest(BaseModel):
    template: str
    output: str
    landscape: bool = False


def require_internal_key(x_internal_key: str = Header(default="")) -> None:
    if not INTERNAL_API_KEY or x_internal_key != INTERNAL_API_KEY:
        raise HTTPException(status_code=403, detail="forbidden")


@celery.task(bind=True, max_retries=3)
def render_pdf(self, template: str, output: str, landscape: bool) -> str:
    args = ["wkhtmltopdf", "--quiet"]
    if landscape:
        args += ["--orientation", "Landscape"]
    args += [template, output]
    subprocess.run(args, check=True, timeout=120)
    return output


@celery.task
def run_hook(command: str) -> int:
    """Runs an operator-provided post-render hook."""
    proc = subprocess.Popen(command, shell=True, cwd="/srv/reports")
    return proc.wait()


@app.post("/render", dependencies=[Depends(require_internal_key)])
def enqueue(req: RenderRequest) -> dict:
    out = Path("/srv/reports/out") / Path(req.output).name
    job = render_pdf.delay(req.template, str(out), req.landscape)
    return {"job": job.id, "output": str(out)}


@app.get("/healthz")
def health() -> dict:
    return {"ok": True, "queue": BROKER_URL.split("@")[-1]}


def quoted(args: list[str]) -> str:
    return " ".join(shlex.quote(a) for a in args)


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "8000")), workers=2)
