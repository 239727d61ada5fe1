"""split billing accounts out of organisations

Revision ID: 0042_billing_accounts
Revises: 0041_audit_log_index
Create Date: 2024-03-18 10:12:44.120931
"""
import sqlalchemy as sa
from alembic import op

revision = "0042_billing_accounts"
down_revision = "0041_audit_log_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "billing_accounts",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("organisation_id", sa.BigInteger, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False, server_default="EUR"),
        sa.Column("vat_number", sa.String(32)),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.execute(
        """
        INSERT INTO billing_accounts (organisation_id, currency, vat_number)
        SELECT id, currency, vat_number FROM organisations
        """
    )
    op.add_column("invoices", sa.Column("billing_account_id", sa.BigInteger, nullable=True))
    op.execute(
        """
        UPDATE invoices i SET billing_account_id = b.id
        FROM billing_accounts b WHERE b.organisation_id = i.organisation_id
        """
    )
    op.alter_column("invoices", "billing_account_id", nullable=False)
    op.drop_column("organisations", "vat_number")
    op.drop_column("organisations", "currency")


def downgrade() -> None:
    op.add_column("organisations", sa.Column("currency", sa.String(3), server_default="EUR"))
    op.add_column("organisations", sa.Column("vat_number", sa.String(32)))
    op.execute(
        """
        UPDATE organisations o SET currency = b.currency, vat_number = b.vat_number
        FROM billing_accounts b WHERE b.organisation_id = o.id
        """
    )
    op.drop_column("invoices", "billing_account_id")
    op.drop_table("billing_accounts")


def _describe() -> str:
    """Shown by `alembic history --verbose` tooling in our Makefile."""
    return f"{revision}: billing accounts split (after {down_revision})"
