"""Operator commands: user create, device revoke, seed-demo (PROTOCOL.md section 6)."""
import click
from flask import Flask
from flask.cli import AppGroup

from server.errors import Problem
from server.models.accounts import ROLES
from server.services import auth

user_cli = AppGroup("user", help="Manage users.")
device_cli = AppGroup("device", help="Manage devices.")


@user_cli.command("create")
@click.argument("username")
@click.option("--password", required=True, help="The initial password.")
@click.option("--team", required=True, help="Team name; created when it does not exist.")
@click.option("--role", type=click.Choice(ROLES), default="consultant", show_default=True)
@click.option("--name", "display_name", default=None, help="Display name.")
def create_user(username: str, password: str, team: str, role: str, display_name: str | None):
    """Create a user (and the team when needed)."""
    try:
        user = auth.create_user(username, password, team, role, display_name)
    except Problem as problem:
        raise click.ClickException(str(problem)) from None
    click.echo(f"created user {user.username} ({user.role}) in team {team}: {user.id}")


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
    """Load the fictitious demo teams, users and caseload."""
    from server.services.seed import load_demo
    counts = load_demo(only_if_empty=if_empty)
    if counts is None:
        click.echo("demo data not loaded: the database already has users")
        return
    click.echo("loaded demo data: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


@click.command("prune-history")
@click.option("--days", type=int, default=None,
              help="Keep this many days (default: REVISION_RETENTION_DAYS).")
def prune_history(days: int | None):
    """Purge revisions and tombstones older than the retention time."""
    from server.services.retention import prune
    counts = prune(days)
    click.echo(f"purged {counts['revisions']} revisions and {counts['tombstones']} tombstones")


def register_commands(app: Flask) -> None:
    """Add the operator commands to `flask`."""
    app.cli.add_command(user_cli)
    app.cli.add_command(device_cli)
    app.cli.add_command(seed_demo)
    app.cli.add_command(prune_history)
