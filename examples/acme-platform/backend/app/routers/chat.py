"""Chat completions with server-side conversation history."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from app.deps import ConversationsDep, GatewayDep, require_scope
from app.gateway import ChatTurn
from app.models.chat import (
    ChatMessage,
    ChatRequest,
    ChatResponse,
    Conversation,
    Role,
    Usage,
)
from app.routers import error_responses

router = APIRouter(prefix="/chat", tags=["chat"])


@router.post(
    "/completions",
    response_model=ChatResponse,
    operation_id="createChatCompletion",
    summary="Generate the next chat message",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403, 404, 422, 502),
)
async def create_chat_completion(
    body: ChatRequest, gateway: GatewayDep, conversations: ConversationsDep
) -> ChatResponse:
    """Append ``messages`` to the conversation (a new one if no id is given)
    and return the model's reply. History is replayed to the gateway.
    """
    conversation = conversations.get_or_create(body.conversation_id)
    incoming = [ChatTurn(m.role.value, m.content) for m in body.messages]
    completion = await gateway.complete(
        [*conversation.turns, *incoming],
        model=body.model,
        temperature=body.temperature,
        max_tokens=body.max_tokens,
    )
    reply = ChatTurn(Role.ASSISTANT.value, completion.text)
    conversations.append(conversation.id, [*incoming, reply])
    return ChatResponse(
        conversation_id=conversation.id,
        message=ChatMessage(role=Role.ASSISTANT, content=completion.text),
        model=completion.model,
        usage=Usage(
            prompt_tokens=completion.prompt_tokens,
            completion_tokens=completion.completion_tokens,
            total_tokens=completion.prompt_tokens + completion.completion_tokens,
        ),
    )


@router.get(
    "/conversations/{conversation_id}",
    response_model=Conversation,
    operation_id="getConversation",
    summary="Get a conversation's history",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403, 404),
)
async def get_conversation(conversation_id: str, conversations: ConversationsDep) -> Conversation:
    record = conversations.get(conversation_id)
    return Conversation(
        id=record.id,
        messages=[ChatMessage(role=Role(t.role), content=t.content) for t in record.turns],
        created_at=record.created_at,
        updated_at=record.updated_at,
    )
