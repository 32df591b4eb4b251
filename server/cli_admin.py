"""Operator commands for users, teams and template versions (docs/protocol.md 6 and 7).

They do what the admin API does, through the same services, and are logged in the admin
log as made at the command line."""
import json
from pathlib import Path

import click
from flask.cli import AppGroup

from server.errors import Problem
from server.models.accounts import ROLES
from server.services import admin_users, template_admin
from server.services.admin_log import Operator

user_cli = AppGroup("user", help="Manage users.")
team_cli = AppGroup("team", help="Manage teams.")
template_cli = AppGroup("template", help="Manage assessment and agreement template versions.")


def _run(work):
    """Run a service call; a problem becomes a command-line error."""
    try:
        return work()
    except Problem as problem:
        errors = problem.rejection.errors or {}
        lines = [f"{path}: {'; '.join(messages)}" for path, messages in errors.items()]
        raise click.ClickException("\n".join(lines) or str(problem)) from None


def _change(username: str, **changes) -> dict:
    """Apply changes to the user of this username."""
    return _run(lambda: admin_users.update_user(
        Operator.cli(), admin_users.user_by_name(username).id, changes))


@user_cli.command("create")
@click.argument("username")
@click.option("--password", required=True, help="The initial password (at least 12 characters).")
@click.option("--team", required=True, help="Team name; created when it does not exist.")
@click.option("--role", type=click.Choice(ROLES), default="consultant", show_default=True)
@click.option("--name", "display_name", default=None, help="Display name.")
def create_user(username: str, password: str, team: str, role: str, display_name: str | None):
    """Create a user (and the team when needed)."""
    user = _run(lambda: admin_users.create_user_in_team(
        Operator.cli(), username, display_name or username, role, team, password))
    click.echo(f"created user {user['username']} ({user['role']}) in team {team}: {user['id']}")


@user_cli.command("list")
def list_users():
    """Every user with role, team and state."""
    teams = {t.id: t.name for t in admin_users.all_teams()}
    for user in admin_users.all_users():
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.username}\t{user.display_name}\t{user.role}\t"
                   f"{teams.get(user.team_id, '')}\t{state}")


@user_cli.command("deactivate")
@click.argument("username")
def deactivate(username: str):
    """Deactivate a user: every device erases its data; the password no longer logs in."""
    _change(username, active=False)
    click.echo(f"deactivated {username}; every device of the user is revoked")


@user_cli.command("reactivate")
@click.argument("username")
def reactivate(username: str):
    """Let a deactivated user log in again (on new devices)."""
    _change(username, active=True)
    click.echo(f"reactivated {username}")


@user_cli.command("set-password")
@click.argument("username")
@click.option("--password", required=True, help="The new password (at least 12 characters).")
def set_password(username: str, password: str):
    """Set a new password; devices already logged in keep working."""
    _change(username, password=password)
    click.echo(f"new password set for {username}")


@user_cli.command("set-role")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
def set_role(username: str, role: str):
    """Change a user's role; their devices pull everything again."""
    _change(username, role=role)
    click.echo(f"{username} is now {role}")


@user_cli.command("move")
@click.argument("username")
@click.option("--team", required=True, help="Team name; created when it does not exist.")
def move(username: str, team: str):
    """Move a user to another team; their devices pull everything again."""
    found = admin_users.team_by_name(team)
    if found is None:
        team_id = _run(lambda: admin_users.create_team(Operator.cli(), team))["id"]
    else:
        team_id = found.id
    _change(username, team_id=team_id)
    click.echo(f"{username} moved to {team}")


@team_cli.command("create")
@click.argument("name")
def create_team(name: str):
    """Create a team."""
    team = _run(lambda: admin_users.create_team(Operator.cli(), name))
    click.echo(f"created team {team['name']}: {team['id']}")


@template_cli.command("upload")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only check the file.")
def upload_template(file: Path, dry_run: bool):
    """Publish a new template version from a JSON file (checked against the format)."""
    try:
        template = json.loads(file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise click.ClickException(f"{file}: not JSON ({error})") from None
    stored = _run(lambda: template_admin.upload(Operator.cli(), template, dry_run))
    verb = "valid" if dry_run else "published"
    click.echo(f"{verb}: {stored['key']} version {stored['version']} ({stored['title']})")


@template_cli.command("retire")
@click.argument("key")
@click.argument("version", type=int)
@click.option("--undo", is_flag=True, help="Bring a retired version back.")
def retire_template(key: str, version: int, undo: bool):
    """Hide a version from new records; records made with it still open."""
    _run(lambda: template_admin.set_retired(Operator.cli(), key, version, not undo))
    click.echo(f"{key} version {version} {'restored' if undo else 'retired'}")


@template_cli.command("list")
def list_templates():
    """Every template version and whether it is built in or retired."""
    for t in template_admin.all_templates():
        click.echo(f"{t['key']}\t{t['version']}\t{t['kind']}\t"
                   f"{'retired' if t['retired'] else 'in use'}\t{t['title']}")
