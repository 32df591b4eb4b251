"""Operator commands: device revoke, seed-demo, import-cases (docs/protocol.md section 6), the
agreement seal (seal create-demo-cert), agreement verify, backup and restore; users, teams and
templates are in cli_admin."""
import json
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from server.errors import Problem
from server.services import auth

device_cli = AppGroup("device", help="Manage devices.")


@device_cli.command("revoke")
@click.argument("device_id")
def revoke_device(device_id: str):
    """Revoke a device: it erases its local data at its next contact."""
    if auth.revoke_device(device_id) is None:
        raise click.ClickException(f"no device {device_id}")
    click.echo(f"revoked device {device_id}")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when any user exists.")
def seed_demo(if_empty: bool):
    """Load the fictitious demo teams, users and caseload (refused in production)."""
    from server.services.seed import load_demo
    if current_app.config["ENV_NAME"] == "production":
        raise click.ClickException("seed-demo is refused in production (FELTMAPPE_ENV=production): "
                                   "make the first admin with `flask user create`")
    counts = load_demo(only_if_empty=if_empty)
    if counts is None:
        click.echo("demo data not loaded: the database already has users")
        return
    click.echo("loaded demo data: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


@click.command("import-cases")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--team", required=True, help="The team's name.")
@click.option("--user", "username", default=None,
              help="The importing user (default: the first active admin).")
@click.option("--dry-run", is_flag=True, help="Check the file and count; write nothing.")
def import_cases(file: Path, team: str, username: str | None, dry_run: bool):
    """Import citizens, companies and placements from a case-system CSV export."""
    from server.services.import_cli import run_import
    summary, ok = run_import(file.read_bytes(), team, username, dry_run)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    if not ok:
        raise click.exceptions.Exit(1)


@click.command("prune-history")
@click.option("--days", type=int, default=None,
              help="Keep this many days (default: REVISION_RETENTION_DAYS).")
def prune_history(days: int | None):
    """Purge revisions and tombstones older than the retention time."""
    from server.services.retention import prune
    counts = prune(days)
    click.echo(f"purged {counts['revisions']} revisions and {counts['tombstones']} tombstones")


@click.command("backup")
@click.option("--to", "directory", default=None, help="Folder for the file (default BACKUP_DIR).")
def backup_command(directory: str | None):
    """Write a consistent backup of the database while the servers keep running."""
    from server.services import backup
    folder = Path(directory or current_app.config["BACKUP_DIR"])
    click.echo(f"backing up {_safe_url()} into {folder} …")
    try:
        path = backup.take(current_app.config["SQLALCHEMY_DATABASE_URI"], folder)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"backup written: {path} ({path.stat().st_size:,} bytes)")


@click.command("restore")
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Confirm that every record is to be replaced.")
def restore_command(backup_file: Path, yes: bool):
    """Replace the database with a backup (stop the app servers first); devices resync."""
    from server.services import backup
    if not yes:
        raise click.ClickException(f"restoring replaces everything in {_safe_url()}: stop the "
                                   "app servers, then run again with --yes")
    click.echo(f"restoring {backup_file} into {_safe_url()} …")
    try:
        generation = backup.restore(current_app.config["SQLALCHEMY_DATABASE_URI"], backup_file)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"restored; new restore generation {generation}: every device pulls from the "
               "beginning and pushes again what the backup lacks")


def _safe_url() -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url
    return make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).render_as_string(
        hide_password=True)


seal_cli = AppGroup("seal", help="Manage the key and certificate that seal agreement PDFs.")
agreement_cli = AppGroup("agreement", help="Check signed agreements.")


@seal_cli.command("create-demo-cert")
def create_demo_cert():
    """Create a self-signed demo seal key and certificate where the configuration points."""
    from server.services.seal import create_demo_files
    config = current_app.config
    if not config["SEAL_KEY_PATH"] or not config["SEAL_CERT_PATH"]:
        raise click.ClickException("SEAL_KEY_PATH and SEAL_CERT_PATH are not set")
    key, cert = Path(config["SEAL_KEY_PATH"]), Path(config["SEAL_CERT_PATH"])
    if key.exists() and cert.exists():
        click.echo(f"seal certificate present: {cert}")
        return
    if config["ENV_NAME"] == "production":
        raise click.ClickException("production needs a real seal key and certificate "
                                   "(SEAL_KEY_PATH, SEAL_CERT_PATH); no demo certificate made")
    create_demo_files(key, cert)
    click.echo(f"created demo seal key {key} and certificate {cert}")


def _db_group() -> click.Group:
    """Flask-Migrate's `db` commands, with an `upgrade` that also prepares what the server
    needs before its first request: outside production, the demo seal when none exists."""
    from flask_migrate.cli import db as migrate_group  # type: ignore[import-untyped]
    group = click.Group("db", callback=migrate_group.callback, params=migrate_group.params,
                        help=migrate_group.help)
    for name, command in migrate_group.commands.items():
        group.add_command(command, name)
    migrate_upgrade = migrate_group.commands["upgrade"]

    @click.pass_context
    def upgrade(ctx: click.Context, **params):
        """Upgrade to a later version (and make the demo seal outside production)."""
        ctx.invoke(migrate_upgrade, **params)
        config = current_app.config
        if config["ENV_NAME"] != "production" and config["SEAL_KEY_PATH"] \
                and config["SEAL_CERT_PATH"]:
            ctx.invoke(create_demo_cert)

    group.add_command(click.Command("upgrade", callback=upgrade, params=migrate_upgrade.params,
                                    help=migrate_upgrade.help), "upgrade")
    return group


@agreement_cli.command("verify")
@click.argument("pdf_or_agreement_id")
def verify_agreement(pdf_or_agreement_id: str):
    """Check a sealed agreement PDF (a file) or a stored agreement (an id); exit 1 if invalid."""
    from server.services.agreements import verify_pdf, verify_stored
    path = Path(pdf_or_agreement_id)
    try:
        if path.is_file():
            answer = verify_pdf(path.read_bytes(), current_app.config)
        else:
            answer = verify_stored(pdf_or_agreement_id.strip().lower())
    except Problem as problem:
        raise click.ClickException(f"{pdf_or_agreement_id}: {problem}") from None
    click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    if not answer["valid"]:
        raise click.exceptions.Exit(1)


def register_commands(app: Flask) -> None:
    """Add the operator commands to `flask`."""
    from server.cli_admin import team_cli, template_cli, user_cli
    app.cli.add_command(_db_group())
    app.cli.add_command(user_cli)
    app.cli.add_command(team_cli)
    app.cli.add_command(template_cli)
    app.cli.add_command(device_cli)
    app.cli.add_command(seed_demo)
    app.cli.add_command(prune_history)
    app.cli.add_command(import_cases)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(seal_cli)
    app.cli.add_command(agreement_cli)
